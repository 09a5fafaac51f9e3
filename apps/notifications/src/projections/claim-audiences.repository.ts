import type { ClaimCreatedV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

export interface ClaimAudience {
  claimId: string;
  enrolmentId: string;
  prescriptionIds: string[];
  pseudonym: string;
  period: string;
  /** Each line's payee, once: the operator org, the exploitant's SIRET. */
  payees: string[];
}

/** `claims`: whom each claim pays, for its rejection and payment to reach them. */
@Injectable()
export class ClaimAudiencesRepository {
  async created(tx: Transaction, claim: ClaimCreatedV1): Promise<void> {
    await tx.query(
      `INSERT INTO claims (claim_id, enrolment_id, prescription_ids, pseudonym, period, payees) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [claim.claimId, claim.enrolmentId, claim.prescriptionIds, claim.patient.pseudonym, claim.period, [...new Set(claim.lines.map((line) => line.payee))]],
    );
  }

  async get(tx: Transaction, claimId: string): Promise<ClaimAudience | null> {
    const [row] = await tx.query(
      `SELECT claim_id AS "claimId", enrolment_id AS "enrolmentId", prescription_ids AS "prescriptionIds", pseudonym, period, payees FROM claims WHERE claim_id = $1`,
      [claimId],
    );
    return row ?? null;
  }
}
