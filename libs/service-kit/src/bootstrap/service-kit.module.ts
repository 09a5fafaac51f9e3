import { DynamicModule, MiddlewareConsumer, Module, NestModule, Provider, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { PLATFORM_CONFIG, SERVICE_NAME } from '../config/config.tokens';
import type { PlatformConfig } from '../config/platform-config.schema';
import { ServiceConfigModule } from '../config/service-config.module';
import { DatabaseModule } from '../database/database.module';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { SafeInputGuard } from '../http/safe-input.guard';
import { createValidationPipe } from '../http/validation-pipe';
import { IdempotencyCleanup } from '../idempotency/idempotency-cleanup';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { CorrelationIdMiddleware } from '../observability/correlation-id.middleware';
import { HealthModule } from '../observability/health/health.module';
import { HttpMetrics } from '../observability/http-metrics';
import { HttpMetricsMiddleware } from '../observability/http-metrics.middleware';
import { loggerParams } from '../observability/logger-params';
import { MetricsHttpController } from '../observability/metrics.http.controller';
import type { ServiceKitOptions } from './service-kit.options';

/**
 * What every service gets by importing this once: config, clock, database,
 * JSON logs with correlation ids, health, metrics, the refusal of unsafe
 * input, the validation pipe, the exception filter and `Idempotency-Key` support.
 */
@Module({})
export class ServiceKitModule implements NestModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const { schema } = options;
    const idempotency = options.idempotency ?? schema !== undefined;
    if (idempotency && schema === undefined) throw new Error('ServiceKitModule: idempotency needs a schema');
    const database = schema === undefined ? [] : [DatabaseModule.forRoot({ ...options, schema })];
    const idempotencyProviders: Provider[] = idempotency
      ? [IdempotencyStore, IdempotencyCleanup, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }]
      : [];
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        ServiceConfigModule.forRoot(options),
        LoggerModule.forRootAsync({
          inject: [PLATFORM_CONFIG, SERVICE_NAME],
          useFactory: (config: PlatformConfig, service: string) => loggerParams(config, service),
        }),
        ...database,
        HealthModule.forRoot(options.readiness ?? { postgres: schema !== undefined }),
      ],
      controllers: [MetricsHttpController],
      providers: [
        HttpMetrics,
        { provide: APP_GUARD, useClass: SafeInputGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        ...idempotencyProviders,
      ],
      exports: [ServiceConfigModule, HttpMetrics, ...database, ...(idempotency ? [IdempotencyStore] : [])],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(CorrelationIdMiddleware, HttpMetricsMiddleware)
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
