import type { EntityManager } from 'typeorm';
import type { PrescriptionState } from '../domain/prescription.state';
import { prescriptionView } from './prescription-view';

const UPSERT = `
  INSERT INTO prescriptions
    (id, status, version, prescriber_rpps, patient_pseudonym, indication, device_id, start_date, end_date, renewal_of,
     identity_encrypted, resource, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
  ON CONFLICT (id) DO UPDATE SET
    status = EXCLUDED.status, version = EXCLUDED.version, resource = EXCLUDED.resource, updated_at = EXCLUDED.updated_at`;

/**
 * The prescriptions read model and the NO_DUPLICATE slots, written in the
 * transaction of each command, so a prescription and its slot never disagree.
 */
export const PrescriptionReadModel = {
  async apply(manager: EntityManager, state: PrescriptionState, version: number, at: string): Promise<void> {
    if (state.status === 'NONE') return;
    const { issued } = state;
    await manager.query(UPSERT, [
      issued.prescriptionId,
      state.status,
      version,
      issued.prescriber.rpps,
      issued.patient.pseudonym,
      issued.indication,
      issued.device.id,
      issued.startDate,
      issued.endDate,
      issued.renewalOf,
      issued.patient.identityEncrypted,
      prescriptionView(state, version, at),
      at,
    ]);
    // A cancelled or expired prescription no longer holds its patient's slot (a renewal may hold it already).
    if (state.status !== 'ISSUED') {
      await manager.query('DELETE FROM active_prescription_slots WHERE prescription_id = $1', [issued.prescriptionId]);
    }
  },

  /**
   * Takes the patient's slot for the indication: free, or held by the renewed
   * prescription. False when another prescription holds it; a concurrent
   * writer of the same slot waits here for the other's commit, then sees it.
   */
  async claimSlot(
    manager: EntityManager,
    slot: { patientPseudonym: string; indication: string; prescriptionId: string; renewalOf: string | null },
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO active_prescription_slots (patient_pseudonym, indication, prescription_id) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT active_prescription_slots_unique DO UPDATE SET prescription_id = EXCLUDED.prescription_id
       WHERE active_prescription_slots.prescription_id = $4
       RETURNING prescription_id`,
      [slot.patientPseudonym, slot.indication, slot.prescriptionId, slot.renewalOf],
    )) as unknown[];
    return rows.length === 1;
  },
};
