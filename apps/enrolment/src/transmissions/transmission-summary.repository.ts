import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

/** What an enrolment's answer shows of its transmissions. */
export interface TransmissionSummary {
  lastAt: string | null;
  /** The Paris days from `from` to `to` (inclusive) on which data came. */
  daysWithData: string[];
}

/** The window of Paris days (inclusive) whose data an answer shows, per enrolment. */
export interface SummaryWindow {
  enrolmentId: string;
  from: string;
  to: string;
}

/** A read of the marks and days without locking them: for answering, never for planning. One statement for a whole page. */
@Injectable()
export class TransmissionSummaryRepository {
  async summariesOf(tx: Transaction, windows: readonly SummaryWindow[]): Promise<Map<string, TransmissionSummary>> {
    if (windows.length === 0) return new Map();
    const rows: Array<{ id: string; last_at: Date | null; days: string[] }> = await tx.query(
      `SELECT w.id, m.last_at,
              ARRAY(SELECT to_char(d.day, 'YYYY-MM-DD') FROM transmission_days d
                     WHERE d.enrolment_id = w.id AND d.day BETWEEN w.from_day AND w.to_day ORDER BY d.day) AS days
         FROM unnest($1::uuid[], $2::date[], $3::date[]) AS w(id, from_day, to_day)
         LEFT JOIN transmission_marks m ON m.enrolment_id = w.id`,
      [windows.map((w) => w.enrolmentId), windows.map((w) => w.from), windows.map((w) => w.to)],
    );
    return new Map(rows.map((row) => [row.id, { lastAt: row.last_at?.toISOString() ?? null, daysWithData: row.days }]));
  }
}
