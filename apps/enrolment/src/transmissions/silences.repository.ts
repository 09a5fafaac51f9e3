import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { StoredSilence } from '../domain/transmissions/silence';
import type { SilenceWrites } from '../domain/transmissions/silence-ids';

interface SilenceRow {
  id: string;
  from_at: Date;
  to_at: Date | null;
  incident_id: string | null;
}

const silenceOf = (row: SilenceRow): StoredSilence => ({
  id: row.id,
  fromAt: row.from_at.toISOString(),
  toAt: row.to_at?.toISOString() ?? null,
  incidentId: row.incident_id,
});

/**
 * The silences table: every gap longer than the interval, and the ongoing
 * one (to_at NULL, at most one per enrolment by a partial unique index).
 */
@Injectable()
export class SilencesRepository {
  /**
   * The silences a batch may change: the ongoing one and those ending after
   * its earliest instant (a late transmission only cuts a silence it falls in).
   */
  async touchableBy(tx: Transaction, enrolmentId: string, instants: readonly string[]): Promise<StoredSilence[]> {
    if (instants.length === 0) return [];
    const earliest = new Date(Math.min(...instants.map((instant) => Date.parse(instant)))).toISOString();
    const rows: SilenceRow[] = await tx.query(
      `SELECT id, from_at, to_at, incident_id FROM silences
        WHERE enrolment_id = $1 AND (to_at IS NULL OR to_at > $2) ORDER BY from_at`,
      [enrolmentId, earliest],
    );
    return rows.map(silenceOf);
  }

  async ongoingOf(tx: Transaction, enrolmentId: string): Promise<StoredSilence | null> {
    const [row]: SilenceRow[] = await tx.query('SELECT id, from_at, to_at, incident_id FROM silences WHERE enrolment_id = $1 AND to_at IS NULL', [
      enrolmentId,
    ]);
    return row ? silenceOf(row) : null;
  }

  /** Stores what the sweep found: false when a silence of this enrolment is ongoing already (nothing written). */
  async openOngoing(tx: Transaction, enrolmentId: string, silence: { id: string; fromAt: string; incidentId: string | null }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO silences (id, enrolment_id, from_at, to_at, incident_id) VALUES ($1, $2, $3, NULL, $4)
       ON CONFLICT (enrolment_id) WHERE to_at IS NULL DO NOTHING RETURNING id`,
      [silence.id, enrolmentId, silence.fromAt, silence.incidentId],
    );
    return rows.length === 1;
  }

  /** Applies a plan's changes (identify gives them ids): deletes, then updates (one may close the ongoing silence), then inserts; one statement each. */
  async apply(tx: Transaction, enrolmentId: string, writes: SilenceWrites): Promise<void> {
    if (writes.delete.length > 0) {
      await tx.query('DELETE FROM silences WHERE enrolment_id = $1 AND id = ANY($2::uuid[])', [enrolmentId, writes.delete]);
    }
    if (writes.update.length > 0) {
      await tx.query(
        `UPDATE silences SET from_at = changed.from_at, to_at = changed.to_at
           FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS changed(id, from_at, to_at)
          WHERE silences.enrolment_id = $1 AND silences.id = changed.id`,
        [enrolmentId, writes.update.map((u) => u.id), writes.update.map((u) => u.fromAt), writes.update.map((u) => u.toAt)],
      );
    }
    if (writes.insert.length > 0) {
      await tx.query(
        `INSERT INTO silences (id, enrolment_id, from_at, to_at, incident_id)
         SELECT id, $1, from_at, to_at, incident_id
           FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::uuid[]) AS added(id, from_at, to_at, incident_id)`,
        [enrolmentId, ...(['id', 'fromAt', 'toAt', 'incidentId'] as const).map((field) => writes.insert.map((s) => s[field]))],
      );
    }
  }
}
