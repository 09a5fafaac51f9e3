import type { ConnectivityIncidentV1, IncidentCauseV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IncidentFact } from '../domain/billing/billing-facts';
import { iso, isoAt } from './sql-values';

/** Each connectivity incident of an enrolment with its cause, as its latest event tells it. */
@Injectable()
export class EnrolmentIncidentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opened or updated (closed, re-qualified, moved by late transmissions): never overwritten by an older event. */
  async record(tx: Transaction, enrolmentId: string, incident: Pick<ConnectivityIncidentV1, 'incidentId' | 'startedAt' | 'endedAt' | 'cause'>, version: number) {
    await tx.query(
      `INSERT INTO enrolment_incidents (incident_id, enrolment_id, started_at, ended_at, cause, withdrawn, stream_version)
       VALUES ($1, $2, $3, $4, $5, false, $6)
       ON CONFLICT (incident_id) DO UPDATE SET started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at, cause = EXCLUDED.cause,
         stream_version = EXCLUDED.stream_version
         WHERE enrolment_incidents.stream_version < EXCLUDED.stream_version`,
      [incident.incidentId, enrolmentId, incident.startedAt, incident.endedAt, incident.cause, version],
    );
  }

  /** Late transmissions covered the whole silence: there was no incident. */
  async withdraw(tx: Transaction, incidentId: string, version: number): Promise<void> {
    await tx.query(
      `UPDATE enrolment_incidents SET withdrawn = true, stream_version = $2 WHERE incident_id = $1 AND stream_version < $2`,
      [incidentId, version],
    );
  }

  /** Each enrolment's incidents, by start. */
  async of(enrolmentIds: string[], tx?: Transaction): Promise<Map<string, IncidentFact[]>> {
    const rows: Array<{ enrolmentId: string; incidentId: string; startedAt: Date; endedAt: Date | null; cause: IncidentCauseV1; withdrawn: boolean }> =
      await (tx ?? this.dataSource).query(
        `SELECT enrolment_id AS "enrolmentId", incident_id AS "incidentId", started_at AS "startedAt", ended_at AS "endedAt", cause, withdrawn
           FROM enrolment_incidents WHERE enrolment_id = ANY($1::uuid[]) ORDER BY enrolment_id, started_at, incident_id`,
        [enrolmentIds],
      );
    const byEnrolment = new Map<string, IncidentFact[]>();
    for (const row of rows) {
      const list = byEnrolment.get(row.enrolmentId) ?? [];
      list.push({ incidentId: row.incidentId, startedAt: isoAt(row.startedAt), endedAt: iso(row.endedAt), cause: row.cause, withdrawn: row.withdrawn });
      byEnrolment.set(row.enrolmentId, list);
    }
    return byEnrolment;
  }
}
