import type { MonitoringModeV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { ExpectedIntervals } from '../domain/transmissions/expected-interval';
import type { TransmissionMarks } from '../domain/transmissions/transmission-marks';

/** An enrolment's marks as stored. */
export interface StoredMarks extends TransmissionMarks {
  enrolmentId: string;
  monitoringMode: MonitoringModeV1;
  /** Set while monitoring is stopped (suspended, ended): no silence is looked for. */
  stoppedAt: string | null;
}

interface MarksRow {
  enrolment_id: string;
  monitoring_mode: MonitoringModeV1;
  monitoring_from: Date;
  first_at: Date | null;
  last_at: Date | null;
  stopped_at: Date | null;
}

const COLUMNS = 'enrolment_id, monitoring_mode, monitoring_from, first_at, last_at, stopped_at';

const marksOf = (row: MarksRow): StoredMarks => ({
  enrolmentId: row.enrolment_id,
  monitoringMode: row.monitoring_mode,
  monitoringFrom: row.monitoring_from.toISOString(),
  firstAt: row.first_at?.toISOString() ?? null,
  lastAt: row.last_at?.toISOString() ?? null,
  stoppedAt: row.stopped_at?.toISOString() ?? null,
});

/**
 * The transmission_marks table: one row per monitored enrolment. Its row
 * lock is what serialises a batch with another batch and with the sweep, so
 * each plans from marks and silences no one else is changing.
 */
@Injectable()
export class TransmissionMarksRepository {
  /**
   * Monitoring starts (activation) or starts again (resumption, reactivation):
   * silence is measured from `monitoringFrom` unless a later transmission came.
   * The first and last transmission are kept.
   */
  async start(tx: Transaction, start: { enrolmentId: string; monitoringMode: MonitoringModeV1; monitoringFrom: string }): Promise<void> {
    await tx.query(
      `INSERT INTO transmission_marks (enrolment_id, monitoring_mode, monitoring_from) VALUES ($1, $2, $3)
       ON CONFLICT (enrolment_id) DO UPDATE SET
         monitoring_mode = EXCLUDED.monitoring_mode, monitoring_from = EXCLUDED.monitoring_from, stopped_at = NULL`,
      [start.enrolmentId, start.monitoringMode, start.monitoringFrom],
    );
  }

  /** Monitoring stops (suspension, end): the sweep no longer looks at it (end its ongoing silence with planMonitoringStop). */
  async stop(tx: Transaction, enrolmentId: string, at: string): Promise<void> {
    await tx.query('UPDATE transmission_marks SET stopped_at = $2 WHERE enrolment_id = $1', [enrolmentId, at]);
  }

  /** The marks, locked until the caller's transaction ends; null for an enrolment never monitored. */
  async lockFor(tx: Transaction, enrolmentId: string): Promise<StoredMarks | null> {
    const [row]: MarksRow[] = await tx.query(`SELECT ${COLUMNS} FROM transmission_marks WHERE enrolment_id = $1 FOR UPDATE`, [enrolmentId]);
    return row ? marksOf(row) : null;
  }

  /** Writes a plan's first and last transmission (the row was locked by lockFor). */
  async save(tx: Transaction, enrolmentId: string, marks: TransmissionMarks): Promise<void> {
    await tx.query('UPDATE transmission_marks SET first_at = $2, last_at = $3 WHERE enrolment_id = $1', [enrolmentId, marks.firstAt, marks.lastAt]);
  }

  /**
   * Monitored enrolments silent for longer than their mode's interval at
   * `now` with no ongoing silence yet, longest silent first, at most `limit`:
   * the sweep locks each (lockFor), asks planSweep again, and comes back for
   * more. An index range per mode, never a scan of history.
   */
  async dueForSilence(tx: Transaction, now: string, intervals: ExpectedIntervals, limit = 100): Promise<StoredMarks[]> {
    const modes = Object.keys(intervals) as MonitoringModeV1[];
    const nowMs = Date.parse(now);
    const rows: MarksRow[] = await tx.query(
      `SELECT ${COLUMNS.split(', ').map((column) => `m.${column}`).join(', ')}
         FROM unnest($1::text[], $2::timestamptz[]) AS due(mode, silent_since)
         JOIN transmission_marks m ON m.monitoring_mode = due.mode AND m.reference_at < due.silent_since AND m.stopped_at IS NULL
        WHERE NOT EXISTS (SELECT 1 FROM silences s WHERE s.enrolment_id = m.enrolment_id AND s.to_at IS NULL)
        ORDER BY m.reference_at
        LIMIT $3`,
      [modes, modes.map((mode) => new Date(nowMs - intervals[mode]).toISOString()), limit],
    );
    return rows.map(marksOf);
  }
}
