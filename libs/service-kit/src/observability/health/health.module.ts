import { describeUnjoined, IdempotentConsumerFactory } from '@app/messaging';
import { DynamicModule, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PLATFORM_CONFIG } from '../../config/config.tokens';
import { kafkaSaslOf } from '../../config/kafka-credentials';
import type { PlatformConfig } from '../../config/platform-config.schema';
import type { DependencyCheck } from './dependency-check';
import { HealthHttpController } from './health.http.controller';
import { KafkaCheck } from './kafka.check';
import { PostgresCheck } from './postgres.check';
import { Readiness } from './readiness';
import { READINESS_OPTIONS, ReadinessOptions } from './readiness-options';
import { RedisCheck } from './redis.check';

function buildChecks(
  options: ReadinessOptions,
  config: PlatformConfig,
  dataSource?: DataSource,
  consumers?: IdempotentConsumerFactory,
): DependencyCheck[] {
  const checks: DependencyCheck[] = [];
  if (options.postgres) {
    if (!dataSource) throw new Error('readiness.postgres needs a database: give ServiceKitModule a schema');
    checks.push(new PostgresCheck(dataSource));
  }
  if (options.kafka) {
    const brokers = options.kafka === true ? config.KAFKA_BROKERS : options.kafka.brokers;
    // The service's consumers (if it has messaging) must have joined their groups too.
    checks.push(new KafkaCheck({ brokers, sasl: kafkaSaslOf(config) }, () => describeUnjoined(consumers?.statuses() ?? [])));
  }
  if (options.redis) checks.push(new RedisCheck(options.redis === true ? config.REDIS_URL : options.redis.url));
  return checks;
}

/** `/health/live` and `/health/ready`. */
@Module({})
export class HealthModule implements OnModuleDestroy {
  constructor(@Inject(Readiness) private readonly readiness: Readiness) {}

  static forRoot(options: ReadinessOptions): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthHttpController],
      providers: [
        { provide: READINESS_OPTIONS, useValue: options },
        {
          provide: Readiness,
          inject: [
            READINESS_OPTIONS,
            PLATFORM_CONFIG,
            { token: DataSource, optional: true },
            { token: IdempotentConsumerFactory, optional: true },
          ],
          useFactory: (
            opts: ReadinessOptions,
            config: PlatformConfig,
            dataSource?: DataSource,
            consumers?: IdempotentConsumerFactory,
          ) => new Readiness(buildChecks(opts, config, dataSource, consumers)),
        },
      ],
      exports: [Readiness],
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.readiness.markShuttingDown();
    await Promise.all(
      this.readiness.checks.map((check) => ('close' in check ? (check as { close(): Promise<void> }).close() : undefined)),
    );
  }
}
