import { ServiceKitModule, type ServiceIdentity, type ServiceOverrides } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { ErasePatientHandler } from './commands/erase-patient/erase-patient.handler';
import { ErasePatientHttpController } from './commands/erase-patient/erase-patient.http.controller';
import { PatientAggregate } from './commands/patient.aggregate';
import { migrations } from './migrations';
import { PatientErasureProjection } from './projections/patient-erasure.projection';
import { PatientErasuresRepository } from './projections/patient-erasures.repository';
import { GetErasureHandler } from './queries/get-erasure/get-erasure.handler';
import { GetErasureHttpController } from './queries/get-erasure/get-erasure.http.controller';

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const PATIENTS: ServiceIdentity = { name: 'patients', defaultPort: 3006, schema: 'patients', patientKeys: 'eraser' };

/**
 * `/v1/patients`: erasure. It holds no data key and no pseudonym secret; its
 * one right over the patients' keys is to destroy them. (The patient's own
 * export is the gateway's: it only composes each service's answer.)
 */
@Module({})
export class PatientsModule {
  static forRoot(overrides: ServiceOverrides = {}): DynamicModule {
    return {
      module: PatientsModule,
      imports: [ServiceKitModule.forRoot({ ...PATIENTS, migrations, eventSourced: true, ...overrides })],
      controllers: [ErasePatientHttpController, GetErasureHttpController],
      providers: [
        PatientErasuresRepository,
        PatientErasureProjection,
        PatientAggregate,
        ErasePatientHandler,
        GetErasureHandler,
      ],
    };
  }
}
