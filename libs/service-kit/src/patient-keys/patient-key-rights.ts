import { serviceRoles, type ServiceRoles } from '../database/service-roles';

/** The schema every identity-holding service reaches its patients' data keys in. */
export const PATIENT_KEYS_SCHEMA = 'patient_keys';

/**
 * What a service may do with patient keys, from its services.json entry
 * (`"patientKeys"`): a holder reads its patients' keys and issues a first one;
 * the eraser destroys them. Neither reads the table.
 */
export type PatientKeyRight = 'holder' | 'eraser';
export const PATIENT_KEY_RIGHTS: readonly PatientKeyRight[] = ['holder', 'eraser'];

/**
 * The functions each right may execute (argument signatures, as GRANT names
 * them). The rotator (`npm run rotate-keys`) re-wraps keys and does nothing
 * else.
 */
export const PATIENT_KEY_FUNCTIONS: Record<PatientKeyRight | 'rotator', readonly string[]> = {
  holder: ['data_keys_of(text)', 'issue_data_key(text, integer, integer, bytea)'],
  eraser: ['erase_patient(text)'],
  rotator: ['keys_to_rewrap(integer, text, integer, integer)', 'rewrap_data_key(text, integer, integer, bytea, integer, bytea)'],
};

/**
 * The roles of the schema, named as a service's are: `patient_keys_owner` owns
 * the table and the functions (only migrations run as it); `patient_keys` is
 * the login role of the rotator, with EXECUTE on the rotation functions only.
 */
export const patientKeysRoles = (schema: string = PATIENT_KEYS_SCHEMA): ServiceRoles => serviceRoles(schema);

/** Who gets which right: runtime roles (`<schema>`) of the holders and of the eraser(s). */
export interface PatientKeyGrantees {
  holders: readonly string[];
  erasers: readonly string[];
}

/** The grantees of services.json: each service with `patientKeys`, by its runtime role. */
export function patientKeyGrantees(services: readonly { schema?: string; patientKeys?: PatientKeyRight }[]): PatientKeyGrantees {
  const runtimeOf = (right: PatientKeyRight) =>
    services.filter((s) => s.patientKeys === right && s.schema).map((s) => serviceRoles(s.schema!).runtime);
  return { holders: runtimeOf('holder'), erasers: runtimeOf('eraser') };
}
