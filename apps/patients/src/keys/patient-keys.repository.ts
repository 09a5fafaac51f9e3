import type { PatientKeyEraser } from '@app/service-kit/patient-keys/patient-keyring';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The one right of this service over the `patient_keys` schema: EXECUTE of
 * the SECURITY DEFINER function that destroys every generation of a
 * patient's data key (services.json `"patientKeys": "eraser"`). It runs in
 * the erasure's own transaction, so a failed append destroys nothing.
 * MERGE: the service-kit library's PgPatientKeyEraser does the same; bind
 * PATIENT_KEY_ERASER to it and delete this file.
 */
@Injectable()
export class PatientKeysRepository implements PatientKeyEraser {
  async erase(pseudonym: string, manager: EntityManager): Promise<{ known: boolean; destroyed: number }> {
    const [row] = await manager.query(`SELECT known, destroyed FROM patient_keys.erase_patient($1)`, [pseudonym]);
    return { known: Boolean(row?.known), destroyed: Number(row?.destroyed ?? 0) };
  }
}
