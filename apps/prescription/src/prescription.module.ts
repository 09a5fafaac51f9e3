import { PatientErasures, ServiceKitModule, type ServiceIdentity, type ServiceOverrides } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { CancelPrescriptionHandler } from './commands/cancel-prescription/cancel-prescription.handler';
import { CancelPrescriptionHttpController } from './commands/cancel-prescription/cancel-prescription.http.controller';
import { ExpirePrescriptionHandler } from './commands/expire-prescription/expire-prescription.handler';
import { IssuePrescriptionHandler } from './commands/issue-prescription/issue-prescription.handler';
import { IssuePrescriptionHttpController } from './commands/issue-prescription/issue-prescription.http.controller';
import { PrescriptionAggregate } from './commands/prescription.aggregate';
import { DeviceRequestViews } from './fhir/device-request/device-request-views';
import { DEVICE_REQUEST_CAPABILITY } from './fhir/device-request/device-request.capability';
import { DeviceRequestHttpController } from './fhir/device-request/device-request.http.controller';
import { ReadDeviceRequestHandler } from './fhir/device-request/read-device-request.handler';
import { SearchDeviceRequestHandler } from './fhir/device-request/search-device-request.handler';
import { PrescriptionEvaluator } from './evaluation/prescription-evaluator';
import { PrescriptionExpirySweep } from './jobs/prescription-expiry.sweep';
import { PRESCRIPTION_JOBS } from './jobs/prescription.jobs';
import { DEVICE_HISTORY_CONSUMER_PURPOSE, DeviceCertificationConsumer } from './messaging/device-certification.consumer';
import { migrations } from './migrations';
import { PATIENTS_CONSUMER_PURPOSE, PatientsConsumer } from './messaging/patients.consumer';
import { PatientPseudonyms } from './personal-data/patient-pseudonyms';
import { PrescriptionOpening } from './personal-data/prescription-opening';
import { PrescriptionSealing } from './personal-data/prescription-sealing';
import { ActivePrescriptionSlotsRepository } from './projections/active-prescription-slots.repository';
import { CertifiedDeviceHistoryRepository } from './projections/certified-device-history.repository';
import { PrescriptionReadModel } from './projections/prescription-read-model.projection';
import { PrescriptionsRepository } from './projections/prescriptions.repository';
import { ExportPatientDataHandler } from './queries/export-patient-data/export-patient-data.handler';
import { ExportPatientDataHttpController } from './queries/export-patient-data/export-patient-data.http.controller';
import { EvaluatePrescriptionHandler } from './queries/evaluate-prescription/evaluate-prescription.handler';
import { EvaluatePrescriptionHttpController } from './queries/evaluate-prescription/evaluate-prescription.http.controller';
import { GetPrescriptionHandler } from './queries/get-prescription/get-prescription.handler';
import { GetPrescriptionHttpController } from './queries/get-prescription/get-prescription.http.controller';
import { GetReferentialHandler } from './queries/get-referential/get-referential.handler';
import { GetReferentialHttpController } from './queries/get-referential/get-referential.http.controller';
import { ListPrescriptionsHandler } from './queries/list-prescriptions/list-prescriptions.handler';
import { ListPrescriptionsHttpController } from './queries/list-prescriptions/list-prescriptions.http.controller';

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const PRESCRIPTION: ServiceIdentity = { name: 'prescription', defaultPort: 3002, schema: 'prescription', patientKeys: 'holder' };

export interface PrescriptionOverrides extends ServiceOverrides {
  /** Consumer group purpose of the device history: a test's fresh schema needs its own group. */
  deviceHistoryPurpose?: string;
  /** Consumer group purpose of the patients' erasures, likewise. */
  patientsPurpose?: string;
}

/** Physicians evaluate and issue prescriptions against the HAS referential; they expire by themselves. */
@Module({})
export class PrescriptionModule {
  static forRoot({ deviceHistoryPurpose, patientsPurpose, ...overrides }: PrescriptionOverrides = {}): DynamicModule {
    return {
      module: PrescriptionModule,
      imports: [
        ServiceKitModule.forRoot({
          ...PRESCRIPTION,
          migrations,
          eventSourced: true,
          auditDisclosures: true,
          jobs: PRESCRIPTION_JOBS,
          fhir: [DEVICE_REQUEST_CAPABILITY],
          ...overrides,
        }),
      ],
      controllers: [
        EvaluatePrescriptionHttpController,
        IssuePrescriptionHttpController,
        CancelPrescriptionHttpController,
        ListPrescriptionsHttpController,
        GetPrescriptionHttpController,
        GetReferentialHttpController,
        ExportPatientDataHttpController,
        DeviceRequestHttpController,
      ],
      providers: [
        { provide: DEVICE_HISTORY_CONSUMER_PURPOSE, useValue: deviceHistoryPurpose ?? 'certified-device-history' },
        DeviceCertificationConsumer,
        { provide: PATIENTS_CONSUMER_PURPOSE, useValue: patientsPurpose ?? 'patient-erasures' },
        PatientsConsumer,
        PatientErasures,
        PrescriptionsRepository,
        ActivePrescriptionSlotsRepository,
        CertifiedDeviceHistoryRepository,
        PrescriptionReadModel,
        PrescriptionAggregate,
        PatientPseudonyms,
        PrescriptionSealing,
        PrescriptionOpening,
        PrescriptionEvaluator,
        IssuePrescriptionHandler,
        CancelPrescriptionHandler,
        ExpirePrescriptionHandler,
        EvaluatePrescriptionHandler,
        GetPrescriptionHandler,
        ListPrescriptionsHandler,
        GetReferentialHandler,
        ExportPatientDataHandler,
        PrescriptionExpirySweep,
        DeviceRequestViews,
        ReadDeviceRequestHandler,
        SearchDeviceRequestHandler,
      ],
    };
  }
}
