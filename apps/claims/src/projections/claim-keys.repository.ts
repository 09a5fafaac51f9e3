import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One claim at most per patient, indication and month. */
export interface ClaimKey {
  pseudonym: string;
  indication: string;
  period: string;
}

/** How `taken` names a key. */
export const claimKeyOf = ({ pseudonym, indication, period }: ClaimKey): string => `${pseudonym}|${indication}|${period}`;

/** The `claim_keys` table: its primary key is where two runs, or a retried job, meet. */
@Injectable()
export class ClaimKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the key for this claim; false when another claim holds it (the step then makes no claim). */
  async claim(tx: Transaction, key: ClaimKey & { claimId: string }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO claim_keys (pseudonym, indication, period, claim_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [key.pseudonym, key.indication, key.period, key.claimId],
    );
    return rows.length === 1;
  }

  /** A corrective claim takes over the key of the claim it corrects. */
  async reassign(tx: Transaction, key: ClaimKey, claimId: string): Promise<void> {
    await tx.query(`UPDATE claim_keys SET claim_id = $4 WHERE pseudonym = $1 AND indication = $2 AND period = $3`, [
      key.pseudonym,
      key.indication,
      key.period,
      claimId,
    ]);
  }

  /** Which of these keys are held, as `pseudonym|indication|period`. */
  async taken(keys: ClaimKey[], tx?: Transaction): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: ClaimKey[] = await (tx ?? this.dataSource).query(
      `SELECT k.pseudonym, k.indication, k.period FROM claim_keys k
         JOIN unnest($1::text[], $2::text[], $3::text[]) AS wanted(pseudonym, indication, period)
           ON k.pseudonym = wanted.pseudonym AND k.indication = wanted.indication AND k.period = wanted.period`,
      [keys.map((key) => key.pseudonym), keys.map((key) => key.indication), keys.map((key) => key.period)],
    );
    return new Set(rows.map(claimKeyOf));
  }

  /** The claim holding the key, if any. */
  async holder(key: ClaimKey, tx?: Transaction): Promise<string | null> {
    const [row] = await (tx ?? this.dataSource).query(
      `SELECT claim_id AS "claimId" FROM claim_keys WHERE pseudonym = $1 AND indication = $2 AND period = $3`,
      [key.pseudonym, key.indication, key.period],
    );
    return row?.claimId ?? null;
  }
}
