import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

/** What an enrolment's answer shows of its transmissions. */
export interface TransmissionSummary {
  lastAt: string | null;
  /** The Paris days from `from` to `to` (inclusive) on which data came. */
  daysWithData: string[];
}

/** A read of the marks and days without locking them: for answering, never for planning. */
@Injectable()
export class TransmissionSummaryRepository {
  async summaryOf(tx: Transaction, enrolmentId: string, from: string, to: string): Promise<TransmissionSummary> {
    const [row]: Array<{ last_at: Date | null; days: string[] }> = await tx.query(
      `SELECT (SELECT last_at FROM transmission_marks WHERE enrolment_id = $1) AS last_at,
              ARRAY(SELECT to_char(day, 'YYYY-MM-DD') FROM transmission_days WHERE enrolment_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day) AS days`,
      [enrolmentId, from, to],
    );
    return { lastAt: row?.last_at?.toISOString() ?? null, daysWithData: row?.days ?? [] };
  }
}
