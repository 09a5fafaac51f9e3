import { ServiceKitModule, type ServiceIdentity, type ServiceOverrides } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { CancelPrescriptionHandler } from './commands/cancel-prescription/cancel-prescription.handler';
import { CancelPrescriptionHttpController } from './commands/cancel-prescription/cancel-prescription.http.controller';
import { ExpirePrescriptionHandler } from './commands/expire-prescription/expire-prescription.handler';
import { IssuePrescriptionHandler } from './commands/issue-prescription/issue-prescription.handler';
import { IssuePrescriptionHttpController } from './commands/issue-prescription/issue-prescription.http.controller';
import { PrescriptionAggregate } from './commands/prescription.aggregate';
import { PrescriptionEvaluator } from './evaluation/prescription-evaluator';
import { PrescriptionExpirySweep } from './jobs/prescription-expiry.sweep';
import { PRESCRIPTION_JOBS } from './jobs/prescription.jobs';
import { DEVICE_HISTORY_CONSUMER_PURPOSE, DeviceCertificationConsumer } from './messaging/device-certification.consumer';
import { migrations } from './migrations';
import { IdentityDisclosure } from './patient-identity/identity-disclosure';
import { PatientIdentityCipher } from './patient-identity/patient-identity.cipher';
import { ActivePrescriptionSlotsRepository } from './projections/active-prescription-slots.repository';
import { CertifiedDeviceHistoryRepository } from './projections/certified-device-history.repository';
import { PrescriptionReadModel } from './projections/prescription-read-model.projection';
import { PrescriptionsRepository } from './projections/prescriptions.repository';
import { EvaluatePrescriptionHandler } from './queries/evaluate-prescription/evaluate-prescription.handler';
import { EvaluatePrescriptionHttpController } from './queries/evaluate-prescription/evaluate-prescription.http.controller';
import { GetPrescriptionHandler } from './queries/get-prescription/get-prescription.handler';
import { GetPrescriptionHttpController } from './queries/get-prescription/get-prescription.http.controller';
import { GetReferentialHandler } from './queries/get-referential/get-referential.handler';
import { GetReferentialHttpController } from './queries/get-referential/get-referential.http.controller';
import { ListPrescriptionsHandler } from './queries/list-prescriptions/list-prescriptions.handler';
import { ListPrescriptionsHttpController } from './queries/list-prescriptions/list-prescriptions.http.controller';

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const PRESCRIPTION: ServiceIdentity = { name: 'prescription', defaultPort: 3002, schema: 'prescription' };

export interface PrescriptionOverrides extends ServiceOverrides {
  /** Consumer group purpose of the device history: a test's fresh schema needs its own group. */
  deviceHistoryPurpose?: string;
}

/** Physicians evaluate and issue prescriptions against the HAS referential; they expire by themselves. */
@Module({})
export class PrescriptionModule {
  static forRoot({ deviceHistoryPurpose, ...overrides }: PrescriptionOverrides = {}): DynamicModule {
    return {
      module: PrescriptionModule,
      imports: [
        ServiceKitModule.forRoot({ ...PRESCRIPTION, migrations, eventSourced: true, jobs: PRESCRIPTION_JOBS, ...overrides }),
      ],
      controllers: [
        EvaluatePrescriptionHttpController,
        IssuePrescriptionHttpController,
        CancelPrescriptionHttpController,
        ListPrescriptionsHttpController,
        GetPrescriptionHttpController,
        GetReferentialHttpController,
      ],
      providers: [
        { provide: DEVICE_HISTORY_CONSUMER_PURPOSE, useValue: deviceHistoryPurpose ?? 'certified-device-history' },
        DeviceCertificationConsumer,
        PrescriptionsRepository,
        ActivePrescriptionSlotsRepository,
        CertifiedDeviceHistoryRepository,
        PrescriptionReadModel,
        PrescriptionAggregate,
        PatientIdentityCipher,
        IdentityDisclosure,
        PrescriptionEvaluator,
        IssuePrescriptionHandler,
        CancelPrescriptionHandler,
        ExpirePrescriptionHandler,
        EvaluatePrescriptionHandler,
        GetPrescriptionHandler,
        ListPrescriptionsHandler,
        GetReferentialHandler,
        PrescriptionExpirySweep,
      ],
    };
  }
}
