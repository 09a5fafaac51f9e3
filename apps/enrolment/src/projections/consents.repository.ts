import type { ConsentRecordedV1, StepActorV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

/** Each consent as its own record, kept with its history. */
@Injectable()
export class ConsentsRepository {
  async record(tx: Transaction, enrolmentId: string, consent: ConsentRecordedV1): Promise<void> {
    await tx.query(
      `INSERT INTO consents (id, enrolment_id, decision, consent_text_version, method, signed_at, signed_by, representative_role, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        consent.consentId,
        enrolmentId,
        consent.decision,
        consent.consentTextVersion,
        consent.method,
        consent.signedAt,
        consent.signedBy,
        consent.representative?.role ?? null,
        consent.recordedBy,
        consent.recordedAt,
      ],
    );
  }

  async withdraw(tx: Transaction, consentId: string, at: string, by: StepActorV1): Promise<void> {
    await tx.query(`UPDATE consents SET withdrawn_at = $2, withdrawn_by = $3 WHERE id = $1`, [consentId, at, by]);
  }
}
