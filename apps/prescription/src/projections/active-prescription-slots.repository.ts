import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

export interface PrescriptionSlot {
  patientPseudonym: string;
  indication: string;
  prescriptionId: string;
  /** The prescription a renewal takes the slot over from. */
  renewalOf: string | null;
}

/**
 * The active_prescription_slots table: one row per patient and indication
 * with an ISSUED prescription. Its unique key is what makes NO_DUPLICATE hold
 * when two prescriptions are issued at the same time.
 */
@Injectable()
export class ActivePrescriptionSlotsRepository {
  /**
   * Takes the patient's slot for the indication: free, or held by the renewed
   * prescription. False when another prescription holds it; a concurrent
   * writer of the same slot waits here for the other's commit, then sees it.
   */
  async claim(tx: Transaction, slot: PrescriptionSlot): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO active_prescription_slots (patient_pseudonym, indication, prescription_id) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT active_prescription_slots_unique DO UPDATE SET prescription_id = EXCLUDED.prescription_id
       WHERE active_prescription_slots.prescription_id = $4
       RETURNING prescription_id`,
      [slot.patientPseudonym, slot.indication, slot.prescriptionId, slot.renewalOf],
    );
    return rows.length === 1;
  }

  /** A cancelled or expired prescription no longer holds its patient's slot (a renewal may hold it already). */
  async release(tx: Transaction, prescriptionId: string): Promise<void> {
    await tx.query('DELETE FROM active_prescription_slots WHERE prescription_id = $1', [prescriptionId]);
  }
}
