import type { ConsentDecisionV1, ConsentMethodV1, ConsentRecordedV1, ConsentSignerV1, RepresentativeRoleV1, StepActorV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EnrolmentViewer } from '../domain/enrolment-visibility';
import { type FhirScope, fhirScopeParams, fhirScopeSql } from './fhir-scope.sql';
import { visibleTo } from './visible-to.sql';

/**
 * Where a consent record stands: a given consent is in force until it is
 * withdrawn or a later given consent takes its place; a refusal stays one.
 */
export type ConsentStanding = 'IN_FORCE' | 'ENDED' | 'REFUSED';

/** A consent record, with what its FHIR Consent tells of its enrolment. */
export interface ConsentRecordRow {
  id: string;
  enrolmentId: string;
  decision: ConsentDecisionV1;
  consentTextVersion: string;
  method: ConsentMethodV1;
  signedAt: string;
  signedBy: ConsentSignerV1;
  representativeRole: RepresentativeRoleV1 | null;
  recordedBy: StepActorV1;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawnBy: StepActorV1 | null;
  /** When a later given consent of the enrolment was recorded (a given consent only). */
  supersededAt: string | null;
  standing: ConsentStanding;
  operatorOrg: string;
  patientPseudonym: string;
  /** The enrolment's version and last change. */
  version: number;
  updatedAt: string;
}

export interface ConsentRecordFilters extends FhirScope {
  standings?: readonly ConsentStanding[];
}

// Inner query: the record, its enrolment's visibility columns, and its standing (filtered on outside).
const RECORDS = `
  SELECT c.id, c.enrolment_id AS "enrolmentId", c.decision, c.consent_text_version AS "consentTextVersion", c.method,
         c.signed_at AS "signedAt", c.signed_by AS "signedBy", c.representative_role AS "representativeRole",
         c.recorded_by AS "recordedBy", c.recorded_at AS "recordedAt", c.withdrawn_at AS "withdrawnAt", c.withdrawn_by AS "withdrawnBy",
         later.superseded_at AS "supersededAt",
         CASE WHEN c.decision = 'REFUSED' THEN 'REFUSED'
              WHEN c.withdrawn_at IS NULL AND later.superseded_at IS NULL THEN 'IN_FORCE'
              ELSE 'ENDED' END AS standing,
         e.operator_org AS "operatorOrg", e.patient_pseudonym AS "patientPseudonym", e.version, e.updated_at AS "updatedAt"
    FROM consents c JOIN enrolments e ON e.id = c.enrolment_id
    LEFT JOIN LATERAL (
      SELECT min(next.recorded_at) AS superseded_at FROM consents next
       WHERE c.decision = 'GIVEN' AND next.enrolment_id = c.enrolment_id AND next.decision = 'GIVEN' AND next.recorded_at > c.recorded_at
    ) later ON true`;

const TIMES = ['signedAt', 'recordedAt', 'withdrawnAt', 'supersededAt', 'updatedAt'] as const;
const toRow = (raw: Record<string, unknown>): ConsentRecordRow => {
  const row = { ...raw } as Record<string, unknown>;
  for (const field of TIMES) row[field] = raw[field] instanceof Date ? (raw[field] as Date).toISOString() : (raw[field] ?? null);
  return row as unknown as ConsentRecordRow;
};

/** Each consent as its own record, kept with its history. */
@Injectable()
export class ConsentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: Transaction, enrolmentId: string, consent: ConsentRecordedV1): Promise<void> {
    await tx.query(
      `INSERT INTO consents (id, enrolment_id, decision, consent_text_version, method, signed_at, signed_by, representative_role, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        consent.consentId,
        enrolmentId,
        consent.decision,
        consent.consentTextVersion,
        consent.method,
        consent.signedAt,
        consent.signedBy,
        consent.representative?.role ?? null,
        consent.recordedBy,
        consent.recordedAt,
      ],
    );
  }

  async withdraw(tx: Transaction, consentId: string, at: string, by: StepActorV1): Promise<void> {
    await tx.query(`UPDATE consents SET withdrawn_at = $2, withdrawn_by = $3 WHERE id = $1`, [consentId, at, by]);
  }

  /** The record if this viewer may see its enrolment (the rule of `GET /v1/enrolments/:id`); null otherwise. */
  async findVisible(id: string, viewer: EnrolmentViewer): Promise<ConsentRecordRow | null> {
    const visible = visibleTo(viewer, 2);
    const [row] = await this.dataSource.query(`${RECORDS} WHERE c.id = $1 AND ${visible.sql}`, [id, visible.param]);
    return row ? toRow(row) : null;
  }

  /** The records of the enrolments this viewer sees (the rule of `GET /v1/enrolments`), oldest recorded first. */
  async listVisible(viewer: EnrolmentViewer, filters: ConsentRecordFilters, page: { page: number; pageSize: number }): Promise<{ rows: ConsentRecordRow[]; total: number }> {
    const visible = visibleTo(viewer, 1);
    const matching = `SELECT * FROM (${RECORDS} WHERE ${visible.sql} AND ${fhirScopeSql(2, 'e')}) r
      WHERE ($5::text[] IS NULL OR standing = ANY($5::text[]))`;
    const params = [visible.param, ...fhirScopeParams(filters), filters.standings ?? null];
    const { offset, limit } = pageWindow(page);
    const rows = await this.dataSource.query(`${matching} ORDER BY "recordedAt", id OFFSET $6 LIMIT $7`, [...params, offset, limit]);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${matching}) matching`, params);
    return { rows: rows.map(toRow), total };
  }
}
