import { type DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { MasterKeyWrapper } from '@app/fr-health';
import type { DataSource } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import type { PlatformConfig } from '../config/platform-config.schema';
import type { PatientKeyRight } from './patient-key-rights';
import { PATIENT_KEY_ERASER, PATIENT_KEYRING } from './patient-keyring';
import { patientMasterKeysOf } from './patient-master-keys';
import { PgPatientKeyEraser } from './pg-patient-key-eraser';
import { PgPatientKeyring } from './pg-patient-keyring';

/** The master key wrapper of the holders: the configured keys by default; a KMS overrides this provider. */
export const PATIENT_MASTER_KEY_WRAPPER = Symbol('PATIENT_MASTER_KEY_WRAPPER');

export interface PatientKeysModuleOptions {
  right: PatientKeyRight;
  /** Default `patient_keys`; a test gives its own. */
  schema?: string;
}

/**
 * What a service declares with `patientKeys` (ServiceKitOptions): a holder
 * gets PATIENT_KEYRING (and needs PATIENT_MASTER_KEYS), the eraser gets
 * PATIENT_KEY_ERASER (and holds no master key). Global, like the DataSource it uses.
 */
@Module({})
export class PatientKeysModule {
  static forRoot({ right, schema }: PatientKeysModuleOptions): DynamicModule {
    if (right === 'eraser') {
      return {
        module: PatientKeysModule,
        global: true,
        providers: [{ provide: PATIENT_KEY_ERASER, useFactory: () => new PgPatientKeyEraser({ schema }) }],
        exports: [PATIENT_KEY_ERASER],
      };
    }
    return {
      module: PatientKeysModule,
      global: true,
      providers: [
        { provide: PATIENT_MASTER_KEY_WRAPPER, inject: [PLATFORM_CONFIG], useFactory: (config: PlatformConfig) => patientMasterKeysOf(config) },
        {
          provide: PATIENT_KEYRING,
          inject: [getDataSourceToken(), PATIENT_MASTER_KEY_WRAPPER],
          useFactory: (dataSource: DataSource, wrapper: MasterKeyWrapper) => new PgPatientKeyring(dataSource, wrapper, { schema }),
        },
      ],
      exports: [PATIENT_MASTER_KEY_WRAPPER, PATIENT_KEYRING],
    };
  }
}
