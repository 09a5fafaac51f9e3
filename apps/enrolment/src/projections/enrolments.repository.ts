import type { RightsStatusV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EnrolmentViewer } from '../domain/enrolment-visibility';
import type { EnrolmentStatus } from '../domain/enrolment.state';
import type { StoredEnrolmentView } from './enrolment-view';
import { type FhirScope, fhirScopeParams, fhirScopeSql } from './fhir-scope.sql';
import { visibleTo } from './visible-to.sql';

/** An enrolment as stored: its resource (no identity), and whether its patient was erased. */
export interface EnrolmentRow {
  resource: StoredEnrolmentView;
  erased: boolean;
  /** The ALD exoneration of the prescription in force (null: an enrolment the migration found no prescription event for). */
  ald: boolean | null;
}

/** The row with its filter columns, as a step writes it. */
export interface StoredEnrolment {
  resource: StoredEnrolmentView;
  prescriberRpps: string[];
  patientPseudonym: string;
  identityEncrypted: string;
  /** The prescription in force's ALD exoneration (its Coverage's ALD link), which the resource does not carry. */
  ald: boolean;
}

/** What the rights check needs of an enrolment: its patient, and the identity encrypted under their key (null once erased). */
export interface EnrolmentPatient {
  pseudonym: string;
  identityEncrypted: string | null;
}

/** Where a page of pending rights checks stopped: the last row's `updated_at` and id. */
export interface PendingRightsCursor {
  updatedAt: Date;
  id: string;
}

/** An enrolment whose rights check waits for an answer: the request number its job carries. */
export interface PendingRights extends PendingRightsCursor {
  request: number;
}

const ROW = `resource, patient_erased_at IS NOT NULL AS erased, ald`;

const UPSERT = `
  INSERT INTO enrolments
    (id, status, version, prescription_id, prescription_ids, operator_org, prescriber_rpps, patient_pseudonym, device_id, end_date,
     identity_encrypted, resource, created_at, updated_at, ald)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
  ON CONFLICT (id) DO UPDATE SET
    status = EXCLUDED.status, version = EXCLUDED.version, prescription_id = EXCLUDED.prescription_id,
    prescription_ids = EXCLUDED.prescription_ids, prescriber_rpps = EXCLUDED.prescriber_rpps, end_date = EXCLUDED.end_date,
    resource = EXCLUDED.resource, updated_at = EXCLUDED.updated_at, ald = EXCLUDED.ald
  RETURNING ${ROW}`;

export interface EnrolmentFilters extends FhirScope {
  prescriptionId?: string;
  status?: EnrolmentStatus;
  /** Any of these answers of the AMO (the FHIR Coverage's status). */
  rightsStatuses?: readonly RightsStatusV1[];
}

/** The enrolments read model table, and the one SQL form of the visibility rule. */
@Injectable()
export class EnrolmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: Transaction, e: StoredEnrolment): Promise<EnrolmentRow> {
    const r = e.resource;
    const [row] = await tx.query(UPSERT, [
      r.id,
      r.status,
      r.version,
      r.prescriptionId,
      r.prescriptionIds,
      r.operatorOrg,
      e.prescriberRpps,
      e.patientPseudonym,
      r.deviceId,
      r.endDate,
      e.identityEncrypted,
      r,
      r.createdAt,
      r.updatedAt,
      e.ald,
    ]);
    return row;
  }

  /** The enrolment if this viewer may see it; null for a missing one and for one they may not see alike. */
  async findVisible(id: string, viewer: EnrolmentViewer, tx?: Transaction): Promise<EnrolmentRow | null> {
    const visible = visibleTo(viewer, 2);
    const [row] = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM enrolments WHERE id = $1 AND ${visible.sql}`, [id, visible.param]);
    return row ?? null;
  }

  async listVisible(viewer: EnrolmentViewer, filters: EnrolmentFilters, page: { page: number; pageSize: number }): Promise<{ rows: EnrolmentRow[]; total: number }> {
    const visible = visibleTo(viewer, 1);
    const where =
      `${visible.sql} AND ($2::uuid IS NULL OR $2::uuid = ANY(e.prescription_ids)) AND ($3::text IS NULL OR e.status = $3) ` +
      `AND ($4::text[] IS NULL OR e.resource->'rights'->>'status' = ANY($4::text[])) AND ${fhirScopeSql(5, 'e')}`;
    const params = [visible.param, filters.prescriptionId ?? null, filters.status ?? null, filters.rightsStatuses ?? null, ...fhirScopeParams(filters)];
    const { offset, limit } = pageWindow(page);
    const rows = await this.dataSource.query(`SELECT ${ROW} FROM enrolments e WHERE ${where} ORDER BY e.created_at, e.id OFFSET $8 LIMIT $9`, [
      ...params,
      offset,
      limit,
    ]);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM enrolments e WHERE ${where}`, params);
    return { rows, total };
  }

  /** The enrolment's patient, whoever asks: to seal a step's text, or to ask the AMO, before a decision. */
  async patientOf(id: string, tx?: Transaction): Promise<EnrolmentPatient | null> {
    const [row] = await (tx ?? this.dataSource).query(
      `SELECT patient_pseudonym AS "pseudonym", identity_encrypted AS "identityEncrypted" FROM enrolments WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The enrolments monitoring (or suspended on) a device product: what a device's event acts on. */
  async onDevice(deviceId: string, statuses: readonly EnrolmentStatus[], tx: Transaction): Promise<string[]> {
    const rows = await tx.query(`SELECT id FROM enrolments WHERE device_id = $1 AND status = ANY($2) ORDER BY id`, [deviceId, statuses]);
    return rows.map((row: { id: string }) => row.id);
  }

  /** The enrolments whose prescription in force ended before `today` (Europe/Paris) and that have not ended. */
  async dueForEnd(today: string): Promise<Array<{ id: string; prescriptionId: string }>> {
    return this.dataSource.query(
      `SELECT id, prescription_id AS "prescriptionId" FROM enrolments WHERE status <> 'ENDED' AND end_date < $1 ORDER BY end_date, id LIMIT 500`,
      [today],
    );
  }

  /**
   * A page of the enrolments not ENDED whose rights check is PENDING and that no event touched since
   * `olderThan`, oldest first, after `after` (keyset: the caller pages on without rereading a page).
   * The WHERE repeats the predicate of `enrolments_pending_rights_idx` so that the partial index
   * serves it: only the few enrolments waiting for an answer are read, never the whole table.
   */
  async pendingRights(olderThan: Date, after: PendingRightsCursor | null, limit: number): Promise<PendingRights[]> {
    return this.dataSource.query(
      `SELECT id, (resource->'rights'->>'request')::int AS request, updated_at AS "updatedAt" FROM enrolments
        WHERE resource->'rights'->>'status' = 'PENDING' AND status <> 'ENDED' AND updated_at < $1
          AND ($2::timestamptz IS NULL OR (updated_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY updated_at, id LIMIT $4`,
      [olderThan, after?.updatedAt ?? null, after?.id ?? null, limit],
    );
  }

  /** Every enrolment of the patient, oldest first: what the patient's export holds. */
  async ofPatient(pseudonym: string): Promise<EnrolmentRow[]> {
    return this.dataSource.query(`SELECT ${ROW} FROM enrolments WHERE patient_pseudonym = $1 ORDER BY created_at, id`, [pseudonym]);
  }

  /** Forgets the identity's ciphertext of an erased patient; idempotent. Returns the rows that still held one. */
  async erasePatient(tx: Transaction, pseudonym: string, at: string): Promise<number> {
    const [{ erased }] = await tx.query(
      `WITH erased AS (
         UPDATE enrolments SET identity_encrypted = NULL, patient_erased_at = $2
          WHERE patient_pseudonym = $1 AND patient_erased_at IS NULL RETURNING 1)
       SELECT count(*)::int AS erased FROM erased`,
      [pseudonym, at],
    );
    return erased;
  }
}
