import { ServiceKitModule, type ServiceIdentity, type ServiceOverrides } from '@app/service-kit';
import { PATIENT_KEY_ERASER, type PatientKeyEraser } from '@app/service-kit/patient-keys/patient-keyring';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ErasePatientHandler } from './commands/erase-patient/erase-patient.handler';
import { ErasePatientHttpController } from './commands/erase-patient/erase-patient.http.controller';
import { PatientAggregate } from './commands/patient.aggregate';
import { PatientKeysRepository } from './keys/patient-keys.repository';
import { migrations } from './migrations';
import { PatientErasureProjection } from './projections/patient-erasure.projection';
import { PatientErasuresRepository } from './projections/patient-erasures.repository';
import { GetErasureHandler } from './queries/get-erasure/get-erasure.handler';
import { GetErasureHttpController } from './queries/get-erasure/get-erasure.http.controller';

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const PATIENTS: ServiceIdentity = { name: 'patients', defaultPort: 3006, schema: 'patients' };

export interface PatientsOverrides extends ServiceOverrides {
  /** Who destroys the keys (a test gives its own); default: the `patient_keys.erase_patient` function. */
  keyEraser?: Type<PatientKeyEraser>;
}

/**
 * `/v1/patients`: erasure. It holds no data key and no pseudonym secret; its
 * one right over the patients' keys is to destroy them. (The patient's own
 * export is the gateway's: it only composes each service's answer.)
 */
@Module({})
export class PatientsModule {
  static forRoot({ keyEraser, ...overrides }: PatientsOverrides = {}): DynamicModule {
    return {
      module: PatientsModule,
      imports: [ServiceKitModule.forRoot({ ...PATIENTS, migrations, eventSourced: true, ...overrides })],
      controllers: [ErasePatientHttpController, GetErasureHttpController],
      providers: [
        { provide: PATIENT_KEY_ERASER, useClass: keyEraser ?? PatientKeysRepository },
        PatientErasuresRepository,
        PatientErasureProjection,
        PatientAggregate,
        ErasePatientHandler,
        GetErasureHandler,
      ],
    };
  }
}
