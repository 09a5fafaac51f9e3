import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { TransmissionDay } from '../domain/transmissions/transmission-days';

/**
 * The transmission_days table: per enrolment and Paris day, whether data
 * came (billing, observance). A batch adds its days in one statement, however
 * many days it spans.
 */
@Injectable()
export class TransmissionDaysRepository {
  /** Adds a batch's days (transmissionDaysOf): counts add up, the day's first and last widen. */
  async add(tx: Transaction, enrolmentId: string, days: readonly TransmissionDay[]): Promise<void> {
    if (days.length === 0) return;
    // GROUP BY: one row per day even if the caller passed a day twice (ON CONFLICT may touch a row only once).
    await tx.query(
      `INSERT INTO transmission_days (enrolment_id, day, transmissions, first_at, last_at)
       SELECT $1, day, sum(transmissions), min(first_at), max(last_at)
         FROM unnest($2::date[], $3::integer[], $4::timestamptz[], $5::timestamptz[]) AS batch(day, transmissions, first_at, last_at)
        GROUP BY day
       ON CONFLICT (enrolment_id, day) DO UPDATE SET
         transmissions = transmission_days.transmissions + EXCLUDED.transmissions,
         first_at = LEAST(transmission_days.first_at, EXCLUDED.first_at),
         last_at = GREATEST(transmission_days.last_at, EXCLUDED.last_at)`,
      [enrolmentId, days.map((d) => d.day), days.map((d) => d.transmissions), days.map((d) => d.firstAt), days.map((d) => d.lastAt)],
    );
  }

  /** The Paris days (YYYY-MM-DD) from `from` to `to` inclusive on which data came, in order. */
  async daysWithData(tx: Transaction, enrolmentId: string, from: string, to: string): Promise<string[]> {
    // to_char: pg would read a date as a local-midnight Date, which shifts it in any zone east of UTC.
    const rows: Array<{ day: string }> = await tx.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM transmission_days WHERE enrolment_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day`,
      [enrolmentId, from, to],
    );
    return rows.map((row) => row.day);
  }

  /** The stored days from `from` to `to` inclusive, in order. */
  async daysOf(tx: Transaction, enrolmentId: string, from: string, to: string): Promise<TransmissionDay[]> {
    const rows: Array<{ day: string; transmissions: number; first_at: Date; last_at: Date }> = await tx.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, transmissions, first_at, last_at FROM transmission_days
        WHERE enrolment_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day`,
      [enrolmentId, from, to],
    );
    return rows.map((row) => ({ day: row.day, transmissions: row.transmissions, firstAt: row.first_at.toISOString(), lastAt: row.last_at.toISOString() }));
  }
}
