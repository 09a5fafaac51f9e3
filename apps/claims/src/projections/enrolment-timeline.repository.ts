import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TimelineFact, TimelineKind } from '../domain/billing/billing-facts';
import { isoAt } from './sql-values';

/** Each dated step of an enrolment that billable days depend on (activity, consent, rights), one row per enrolment event. */
@Injectable()
export class EnrolmentTimelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent by the enrolment stream's version. */
  async record(tx: Transaction, enrolmentId: string, fact: { version: number; at: string; kind: TimelineKind }): Promise<void> {
    await tx.query(
      `INSERT INTO enrolment_timeline (enrolment_id, stream_version, at, kind) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [enrolmentId, fact.version, fact.at, fact.kind],
    );
  }

  /** Each enrolment's steps, in stream order. */
  async of(enrolmentIds: string[], tx?: Transaction): Promise<Map<string, TimelineFact[]>> {
    const rows: Array<{ enrolmentId: string; version: number; at: Date; kind: TimelineKind }> = await (tx ?? this.dataSource).query(
      `SELECT enrolment_id AS "enrolmentId", stream_version AS version, at, kind FROM enrolment_timeline
        WHERE enrolment_id = ANY($1::uuid[]) ORDER BY enrolment_id, stream_version`,
      [enrolmentIds],
    );
    const byEnrolment = new Map<string, TimelineFact[]>();
    for (const row of rows) {
      const list = byEnrolment.get(row.enrolmentId) ?? [];
      list.push({ version: row.version, at: isoAt(row.at), kind: row.kind });
      byEnrolment.set(row.enrolmentId, list);
    }
    return byEnrolment;
  }
}
