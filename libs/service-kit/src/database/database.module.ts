import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import type { PlatformConfig } from '../config/platform-config.schema';
import { postgresOptions, ServiceDatabaseOptions } from './postgres-options';
import { withServiceKitMigrations } from './run-migrations';

/**
 * The service's TypeORM DataSource (default token, so `@InjectDataSource()` or
 * plain `DataSource` injection works). Migrations are listed for
 * `runMigrations`, never run here. Needs `PLATFORM_CONFIG` in scope
 * (ServiceKitModule provides it globally).
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => ({
            ...postgresOptions(config, { ...options, migrations: withServiceKitMigrations(options.migrations ?? []) }),
            autoLoadEntities: true,
            // Fail start-up within seconds when Postgres is down, instead of the default half minute.
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
