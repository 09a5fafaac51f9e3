import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

/** Which enrolment each prescription of a renewal chain belongs to. */
@Injectable()
export class EnrolmentPrescriptionsRepository {
  /** Ties a prescription to an enrolment; false when it already belongs to one (the event came again). */
  async claim(tx: Transaction, prescriptionId: string, enrolmentId: string): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO enrolment_prescriptions (prescription_id, enrolment_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING enrolment_id`,
      [prescriptionId, enrolmentId],
    );
    return rows.length === 1;
  }

  async enrolmentOf(tx: Transaction, prescriptionId: string): Promise<string | null> {
    const [row] = await tx.query(`SELECT enrolment_id AS "enrolmentId" FROM enrolment_prescriptions WHERE prescription_id = $1`, [prescriptionId]);
    return row?.enrolmentId ?? null;
  }
}
