import { AuthModule } from '@app/auth';
import { EventSourcingModule } from '@app/event-sourcing';
import { ServiceKitModule, platformBullModule, platformMessagingModule, type PlatformConfig } from '@app/service-kit';
import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { CancelPrescriptionHttpController } from './commands/cancel-prescription/cancel-prescription.http.controller';
import { EvaluatePrescriptionHttpController } from './commands/evaluate-prescription/evaluate-prescription.http.controller';
import { ExecutePrescriptionCommandHandler } from './commands/execute-prescription-command.handler';
import { IssuePrescriptionHandler } from './commands/issue-prescription/issue-prescription.handler';
import { IssuePrescriptionHttpController } from './commands/issue-prescription/issue-prescription.http.controller';
import { RefusedAttemptRecorder } from './commands/issue-prescription/refused-attempt.recorder';
import { PatientIdentityCipher } from './commands/patient-identity.cipher';
import { PrescriptionEvaluator } from './commands/prescription-evaluator';
import { PrescriptionExpiryProcessor } from './jobs/prescription-expiry.processor';
import { PRESCRIPTION_EXPIRY_QUEUE } from './jobs/prescription-expiry.queue';
import { PrescriptionExpiryScheduler } from './jobs/prescription-expiry.scheduler';
import { PrescriptionExpirySweep } from './jobs/prescription-expiry.sweep';
import { migrations } from './migrations';
import { CertifiedDeviceHistoryConsumer, DEVICE_HISTORY_CONSUMER_PURPOSE } from './projections/certified-device-history.consumer';
import { GetPrescriptionHandler } from './queries/get-prescription/get-prescription.handler';
import { GetPrescriptionHttpController } from './queries/get-prescription/get-prescription.http.controller';
import { ListPrescriptionsHandler } from './queries/list-prescriptions/list-prescriptions.handler';
import { ListPrescriptionsHttpController } from './queries/list-prescriptions/list-prescriptions.http.controller';
import { ReferentialHttpController } from './queries/referential/referential.http.controller';

export const SERVICE = 'prescription';
export const SCHEMA = 'prescription';
export const DEFAULT_PORT = 3002;

export interface PrescriptionOptions {
  /** Tests pass their own (fresh schema); the process reads the environment. */
  config?: PlatformConfig;
  schema?: string;
  /** BullMQ key prefix, so tests do not share queues with a running platform. */
  queuePrefix?: string;
  /** Consumer group purpose of the device history: a test's fresh schema needs its own group. */
  deviceHistoryPurpose?: string;
}

/** Physicians evaluate and issue prescriptions against the HAS referential; they expire by themselves. */
@Module({})
export class PrescriptionModule {
  static forRoot(options: PrescriptionOptions = {}): DynamicModule {
    return {
      module: PrescriptionModule,
      imports: [
        ServiceKitModule.forRoot({
          name: SERVICE,
          defaultPort: DEFAULT_PORT,
          schema: options.schema ?? SCHEMA,
          migrations,
          readiness: { postgres: true, kafka: true, redis: true },
          ...(options.config ? { config: options.config } : {}),
        }),
        AuthModule.forRoot(),
        EventSourcingModule.forRoot({ service: SERVICE }),
        platformMessagingModule(SERVICE),
        platformBullModule(options.queuePrefix ?? `bull:${SERVICE}`),
        BullModule.registerQueue({ name: PRESCRIPTION_EXPIRY_QUEUE }),
      ],
      controllers: [
        EvaluatePrescriptionHttpController,
        IssuePrescriptionHttpController,
        CancelPrescriptionHttpController,
        ListPrescriptionsHttpController,
        GetPrescriptionHttpController,
        ReferentialHttpController,
      ],
      providers: [
        { provide: DEVICE_HISTORY_CONSUMER_PURPOSE, useValue: options.deviceHistoryPurpose ?? 'certified-device-history' },
        CertifiedDeviceHistoryConsumer,
        PatientIdentityCipher,
        PrescriptionEvaluator,
        RefusedAttemptRecorder,
        IssuePrescriptionHandler,
        ExecutePrescriptionCommandHandler,
        GetPrescriptionHandler,
        ListPrescriptionsHandler,
        PrescriptionExpirySweep,
        PrescriptionExpiryProcessor,
        PrescriptionExpiryScheduler,
      ],
    };
  }
}
