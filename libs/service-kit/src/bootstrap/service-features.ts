import { AuthModule } from '@app/auth';
import { EventSourcingModule } from '@app/event-sourcing';
import type { DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { auditSigningKeyOf } from '../config/audit-signing-key';
import { authSettingsOf } from '../config/auth-settings';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import type { PlatformConfig } from '../config/platform-config.schema';
import { PlatformJobsModule } from '../jobs/platform-jobs.module';
import { platformMessagingModule } from '../messaging/platform-messaging.module';
import { PatientKeysModule } from '../patient-keys/patient-keys.module';
import type { ServiceKitOptions } from './service-kit.options';

/** The parts a service asks for: each wired from the one validated platform configuration. */
export function serviceFeatures(options: ServiceKitOptions): DynamicModule[] {
  // @nestjs/cqrs dispatches every service's commands and queries to their use-case handlers.
  const features: DynamicModule[] = [CqrsModule.forRoot()];
  if (options.auth !== false) features.push(AuthModule.forRootAsync({ inject: [PLATFORM_CONFIG], useFactory: authSettingsOf }));
  if (options.eventSourced) {
    const store = { inject: [PLATFORM_CONFIG], useFactory: (config: PlatformConfig) => ({ maxMessageBytes: config.MAX_MESSAGE_BYTES }) };
    const signingKey = { inject: [PLATFORM_CONFIG], useFactory: auditSigningKeyOf };
    features.push(EventSourcingModule.forRoot({ service: options.name, store, signingKey, registry: options.eventTypes }));
  }
  if (options.eventSourced || options.messaging) features.push(platformMessagingModule(options.name));
  if (options.patientKeys) {
    // The keyring and the eraser run their SQL through the service's DataSource (or the caller's transaction).
    if (options.schema === undefined) throw new Error(`ServiceKitModule: patientKeys '${options.patientKeys}' needs a schema`);
    features.push(PatientKeysModule.forRoot({ right: options.patientKeys, schema: options.patientKeysSchema }));
  }
  if (options.jobs) features.push(PlatformJobsModule.forRoot(options.jobs, { prefix: options.queuePrefix ?? `bull:${options.name}` }));
  return features;
}
