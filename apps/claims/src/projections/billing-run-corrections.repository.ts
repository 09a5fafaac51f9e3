import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A corrective claim a billing run issued, and the claim it corrects. */
export interface BillingRunCorrection {
  runId: string;
  claimId: string;
  correctionOf: string;
}

/** Each corrective claim of a billing run (`billing_run_corrections`). */
@Injectable()
export class BillingRunCorrectionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: Transaction, correction: BillingRunCorrection): Promise<void> {
    await tx.query(`INSERT INTO billing_run_corrections (run_id, claim_id, correction_of) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      correction.runId,
      correction.claimId,
      correction.correctionOf,
    ]);
  }

  async ofRun(runId: string, tx?: Transaction): Promise<Array<{ claimId: string; correctionOf: string }>> {
    return (tx ?? this.dataSource).query(
      `SELECT claim_id AS "claimId", correction_of AS "correctionOf" FROM billing_run_corrections WHERE run_id = $1 ORDER BY claim_id`,
      [runId],
    );
  }
}
