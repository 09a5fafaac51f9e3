import { DynamicModule, MiddlewareConsumer, Module, NestModule, Provider, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { PLATFORM_CONFIG, SERVICE_NAME } from '../config/config.tokens';
import type { PlatformConfig } from '../config/platform-config.schema';
import { ServiceConfigModule } from '../config/service-config.module';
import { useNativeEd25519 } from '../crypto/native-ed25519';
import { DatabaseModule } from '../database/database.module';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { SafeInputGuard } from '../http/safe-input.guard';
import { createValidationPipe } from '../http/validation-pipe';
import { COMMAND_ANSWERS } from '@app/event-sourcing';
import { RequestClockMiddleware } from '../http/request-clock.middleware';
import { IdempotencyCleanup } from '../idempotency/idempotency-cleanup';
import { IdempotentCommandAnswers } from '../idempotency/idempotent-command-answers';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { CorrelationIdMiddleware } from '../observability/correlation-id.middleware';
import { HealthModule } from '../observability/health/health.module';
import { HttpMetrics } from '../observability/http-metrics';
import { HttpMetricsMiddleware } from '../observability/http-metrics.middleware';
import { loggerParams } from '../observability/logger-params';
import { MetricsHttpController } from '../observability/metrics.http.controller';
import { AuditDisclosureReader } from '../disclosures/audit-disclosure.reader';
import { AuditDisclosuresHttpController } from '../disclosures/audit-disclosures.http.controller';
import { FHIR_CAPABILITIES, FhirCapabilitiesHttpController } from '../fhir/fhir-capabilities.http.controller';
import { SERVICE_TEXT_SEALER } from '../patient-keys/patient-keyring';
import { serviceTextSealerProvider } from '../service-texts/service-text-sealer.provider';
import { serviceFeatures } from './service-features';
import type { ServiceKitOptions } from './service-kit.options';

/**
 * What every service gets by importing this once: config (validated once),
 * clock, database, JSON logs with correlation ids, health, metrics, the
 * refusal of unsafe input, the validation pipe, the exception filter, the
 * auth guards, the request's CommandContext (`@CurrentContext()`) and
 * `Idempotency-Key` support, kept in the command's transaction; and what it
 * asks for: the event store and command pipeline, Kafka messaging, its jobs,
 * its text key (`serviceTexts`), the disclosure of its audit entries'
 * texts (`auditDisclosures`) and what it serves of FHIR (`fhir`).
 */
/** By default a service is ready when everything it uses answers: its database, Kafka if it has messaging, Redis if it has jobs. */
const readinessOf = (options: ServiceKitOptions) => ({
  postgres: options.schema !== undefined,
  kafka: Boolean(options.eventSourced || options.messaging),
  redis: options.jobs !== undefined,
});

@Module({})
export class ServiceKitModule implements NestModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    // Seals and tree heads are signed and checked on every audited step: natively in a service.
    useNativeEd25519();
    const { schema } = options;
    const idempotency = options.idempotency ?? schema !== undefined;
    if (idempotency && schema === undefined) throw new Error('ServiceKitModule: idempotency needs a schema');
    const database = schema === undefined ? [] : [DatabaseModule.forRoot({ ...options, schema })];
    if (options.auditDisclosures && !options.eventSourced) throw new Error('ServiceKitModule: auditDisclosures needs eventSourced (its table is the event store’s)');
    const texts: Provider[] = options.serviceTexts ? [serviceTextSealerProvider(options.name)] : [];
    const idempotencyProviders: Provider[] = idempotency
      ? [
          IdempotencyStore,
          IdempotencyCleanup,
          { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
          { provide: COMMAND_ANSWERS, useClass: IdempotentCommandAnswers },
        ]
      : [];
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        ServiceConfigModule.forRoot(options),
        LoggerModule.forRootAsync({
          inject: [PLATFORM_CONFIG, SERVICE_NAME],
          useFactory: (config: PlatformConfig, service: string) => loggerParams(config, service, options.logDestination),
        }),
        ...database,
        HealthModule.forRoot(options.readiness ?? readinessOf(options)),
        ...serviceFeatures(options),
      ],
      controllers: [
        MetricsHttpController,
        ...(options.auditDisclosures ? [AuditDisclosuresHttpController] : []),
        ...(options.fhir ? [FhirCapabilitiesHttpController] : []),
      ],
      providers: [
        HttpMetrics,
        { provide: APP_GUARD, useClass: SafeInputGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        ...idempotencyProviders,
        ...texts,
        ...(options.auditDisclosures ? [AuditDisclosureReader] : []),
        ...(options.fhir ? [{ provide: FHIR_CAPABILITIES, useValue: options.fhir }] : []),
      ],
      exports: [
        ServiceConfigModule,
        HttpMetrics,
        ...database,
        ...(idempotency ? [IdempotencyStore, COMMAND_ANSWERS] : []),
        ...(options.serviceTexts ? [SERVICE_TEXT_SEALER] : []),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(CorrelationIdMiddleware, RequestClockMiddleware, HttpMetricsMiddleware)
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
