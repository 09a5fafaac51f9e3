import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

/** Renewals that arrived before the enrolment of the prescription they renew, kept until it exists. */
@Injectable()
export class AwaitingRenewalsRepository {
  async park(tx: Transaction, prescriptionId: string, renewalOf: string, envelope: object): Promise<void> {
    await tx.query(
      `INSERT INTO awaiting_renewals (prescription_id, renewal_of, envelope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [prescriptionId, renewalOf, envelope],
    );
  }

  /** The renewals of `renewalOf` that waited, removed as they are taken (oldest first). */
  async takeFor<T>(tx: Transaction, renewalOf: string): Promise<T[]> {
    const rows = await tx.query(
      `WITH taken AS (DELETE FROM awaiting_renewals WHERE renewal_of = $1 RETURNING envelope, received_at)
       SELECT envelope FROM taken ORDER BY received_at`,
      [renewalOf],
    );
    return rows.map((row: { envelope: T }) => row.envelope);
  }
}
