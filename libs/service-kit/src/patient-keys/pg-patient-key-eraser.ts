import type { EntityManager } from 'typeorm';
import type { PatientKeyEraser } from './patient-keyring';
import { PatientKeysStore } from './patient-keys.store';
import { assertPseudonym } from './pg-patient-keyring';

/**
 * The eraser's one right (erase_patient): destroys every generation of the
 * patient's key, in the caller's transaction, so the erasure and its record
 * commit together. It never sees a key.
 */
export class PgPatientKeyEraser implements PatientKeyEraser {
  private readonly store: PatientKeysStore;

  constructor(options: { schema?: string } = {}) {
    this.store = new PatientKeysStore(options.schema);
  }

  erase(pseudonym: string, manager: EntityManager): Promise<{ known: boolean; destroyed: number }> {
    assertPseudonym(pseudonym);
    return this.store.erase(manager, pseudonym);
  }
}
