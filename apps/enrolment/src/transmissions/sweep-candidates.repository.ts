import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExpectedIntervals } from '../domain/transmissions/expected-interval';
import { TransmissionDaysRepository } from './transmission-days.repository';
import { TransmissionMarksRepository, type StoredMarks } from './transmission-marks.repository';

/** An enrolment whose first two months of monitoring may still need an ObservanceLow. */
export interface ObservanceCandidate {
  enrolmentId: string;
  activatedAt: string;
  /** The months it was already told about (ObservanceLow events of its stream). */
  recordedMonths: number[];
}

/**
 * What the every-minute sweeps select, outside any transaction (each
 * enrolment is then acted on in its own): cheap index ranges, never a scan of
 * the history of transmissions.
 */
@Injectable()
export class SweepCandidatesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly marks: TransmissionMarksRepository,
    private readonly days: TransmissionDaysRepository,
  ) {}

  /** The monitored enrolments silent for longer than their interval, with no ongoing silence yet. */
  dueForSilence(now: string, intervals: ExpectedIntervals, limit?: number): Promise<StoredMarks[]> {
    return this.marks.dueForSilence(this.dataSource.manager, now, intervals, limit);
  }

  /**
   * Enrolments activated since `since` (about the first two months and a day)
   * that were monitored: ACTIVE, SUSPENDED or ENDED. ENDED includes one ended
   * and reopened never: a reopened one is PENDING_ACTIVATION again and keeps
   * its first activation's months only once re-activated.
   */
  async dueForObservance(since: string, limit = 1_000): Promise<ObservanceCandidate[]> {
    const rows: Array<{ enrolmentId: string; activatedAt: string; recordedMonths: number[] }> = await this.dataSource.query(
      `SELECT e.id AS "enrolmentId", e.resource->>'activatedAt' AS "activatedAt",
              ARRAY(SELECT (ev.data->>'month')::int FROM events ev WHERE ev.stream_id = e.id::text AND ev.type = 'ObservanceLow') AS "recordedMonths"
         FROM enrolments e
        WHERE e.status IN ('ACTIVE', 'SUSPENDED', 'ENDED') AND e.resource->>'activatedAt' >= $1
        ORDER BY e.resource->>'activatedAt'
        LIMIT $2`,
      [since, limit],
    );
    return rows;
  }

  daysWithData(enrolmentId: string, from: string, to: string): Promise<string[]> {
    return this.days.daysWithData(this.dataSource.manager, enrolmentId, from, to);
  }
}
