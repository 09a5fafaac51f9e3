import type { ClaimStatusV1, IndicationCode } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClaimViewer } from '../domain/claim-visibility';
import { claimVisibleTo } from './claim-visible-to.sql';
import type { StoredClaimView } from './claim-view';

/** A claim as stored: its resource (no identity), its patient, the identity's ciphertext (null once erased) and the enrolment facts version it was computed with. */
export interface ClaimRow {
  resource: StoredClaimView;
  pseudonym: string;
  identityEncrypted: string | null;
  factsVersion: number;
}

/** The row as a step writes it: `identityEncrypted` and `factsVersion` are only taken when the claim is created. */
export interface StoredClaim {
  resource: StoredClaimView;
  identityEncrypted: string | null;
  factsVersion: number;
}

export interface ClaimFilters {
  status?: ClaimStatusV1;
  period?: string;
  /** Either line's payee (operator org or exploitant SIRET). */
  payee?: string;
  indication?: IndicationCode;
  /** The FHIR views' filters: the patient, any of these statuses, the last change in [from, to). */
  pseudonym?: string;
  statuses?: readonly ClaimStatusV1[];
  updatedAt?: { from?: Date; to?: Date };
  /** Only the claims that have an answer (a rejection or an adjudication): those a ClaimResponse stands for. */
  answered?: boolean;
  /** By the last entry in the processors' queue (or the creation): oldest first is the work queue. */
  sort: 'newest' | 'oldest';
}

/** A claim in force whose enrolment facts changed since it was computed: what a billing run rechecks. */
export interface ClaimToRecheck {
  claimId: string;
  enrolmentId: string;
  period: string;
  /** The enrolment's facts version now (what `markChecked` records once rechecked). */
  factsVersion: number;
  billableDates: string[];
}

const ROW = `resource, pseudonym, identity_encrypted AS "identityEncrypted", facts_version AS "factsVersion"`;

const UPSERT = `
  INSERT INTO claims
    (id, status, version, enrolment_id, pseudonym, identity_encrypted, prescription_id, prescription_ids, prescriber_rpps, indication,
     device_id, operator_payee, technical_payee, lpp_code, period, billing_run_id, correction_of, corrected_by, contested, submission,
     facts_version, total_cents, approved_cents, credit_cents, credit_settled, resource, created_at, submitted_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)
  ON CONFLICT (id) DO UPDATE SET
    status = EXCLUDED.status, version = EXCLUDED.version, corrected_by = EXCLUDED.corrected_by, contested = EXCLUDED.contested,
    submission = EXCLUDED.submission, approved_cents = EXCLUDED.approved_cents, credit_cents = EXCLUDED.credit_cents,
    credit_settled = EXCLUDED.credit_settled, resource = EXCLUDED.resource, submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at
  RETURNING ${ROW}`;

const IN_FORCE = `status NOT IN ('CANCELLED', 'REJECTED')`;

/** The claims read model table, and the one SQL form of the visibility rule. */
@Injectable()
export class ClaimsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: Transaction, { resource: r, identityEncrypted, factsVersion }: StoredClaim): Promise<ClaimRow> {
    const payee = (kind: 'OPERATOR' | 'TECHNICAL') => r.lines.find((line) => line.kind === kind)?.payee ?? null;
    const [row] = await tx.query(UPSERT, [
      r.id,
      r.status,
      r.version,
      r.enrolmentId,
      r.patient.pseudonym,
      identityEncrypted,
      r.prescriptionId,
      r.prescriptionIds,
      r.prescriberRpps,
      r.indication,
      r.device.id,
      payee('OPERATOR'),
      payee('TECHNICAL'),
      r.device.lppCode,
      r.period,
      r.billingRunId,
      r.correctionOf,
      r.correctedBy,
      r.contested,
      r.submission,
      factsVersion,
      r.totalCents,
      r.approvedCents ?? null,
      r.creditCents,
      r.creditSettled,
      r,
      r.createdAt,
      r.submittedAt ?? null,
      r.updatedAt,
    ]);
    return row;
  }

  /** The claim whoever asks (a step, a job); null when missing. */
  async get(id: string, tx?: Transaction): Promise<ClaimRow | null> {
    const [row] = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM claims WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The claim if this viewer may see it; null for a missing one and for one they may not see alike. */
  async findVisible(id: string, viewer: ClaimViewer, tx?: Transaction): Promise<ClaimRow | null> {
    const visible = claimVisibleTo(viewer, 2);
    const [row] = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM claims WHERE id = $1 AND ${visible.sql}`, [id, visible.param]);
    return row ?? null;
  }

  /** The claims this viewer may see (GET /v1/claims and the FHIR searches alike), filtered, sorted and paged. */
  async list(filter: ClaimFilters, viewer: ClaimViewer, page: { page: number; pageSize: number }): Promise<{ rows: ClaimRow[]; total: number }> {
    const visible = claimVisibleTo(viewer, 1);
    const where = `${visible.sql}
      AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR period = $3)
      AND ($4::text IS NULL OR operator_payee = $4 OR technical_payee = $4) AND ($5::text IS NULL OR indication = $5)
      AND ($6::text IS NULL OR pseudonym = $6) AND ($7::text[] IS NULL OR status = ANY($7))
      AND ($8::timestamptz IS NULL OR updated_at >= $8) AND ($9::timestamptz IS NULL OR updated_at < $9)
      AND (NOT $10::boolean OR resource ? 'rejection' OR resource ? 'adjudication')`;
    const params = [
      visible.param,
      filter.status ?? null,
      filter.period ?? null,
      filter.payee ?? null,
      filter.indication ?? null,
      filter.pseudonym ?? null,
      filter.statuses ? [...filter.statuses] : null,
      filter.updatedAt?.from ?? null,
      filter.updatedAt?.to ?? null,
      filter.answered ?? false,
    ];
    const direction = filter.sort === 'newest' ? 'DESC' : 'ASC';
    const { offset, limit } = pageWindow(page);
    const rows = await this.dataSource.query(
      `SELECT ${ROW} FROM claims WHERE ${where} ORDER BY queued_at ${direction}, id ${direction} OFFSET $11 LIMIT $12`,
      [...params, offset, limit],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM claims WHERE ${where}`, params);
    return { rows, total };
  }

  /** Claims in force whose enrolment's facts changed since they were computed, oldest claim first. */
  async toRecheck(limit: number): Promise<ClaimToRecheck[]> {
    return this.dataSource.query(
      `SELECT c.id AS "claimId", c.enrolment_id AS "enrolmentId", c.period, f.facts_version AS "factsVersion",
              c.resource -> 'billableDates' AS "billableDates"
         FROM claims c JOIN enrolment_facts f ON f.enrolment_id = c.enrolment_id
        WHERE c.${IN_FORCE} AND f.facts_version > c.facts_version
        ORDER BY c.id LIMIT $1`,
      [limit],
    );
  }

  /** The claim was rechecked against these facts (or computed from them). */
  async markChecked(tx: Transaction, claimId: string, factsVersion: number): Promise<void> {
    await tx.query(`UPDATE claims SET facts_version = $2 WHERE id = $1`, [claimId, factsVersion]);
  }

  /** APPROVED claims, the payment job's, oldest approval first. */
  async approvedUnpaid(limit: number, tx?: Transaction): Promise<ClaimRow[]> {
    return (tx ?? this.dataSource).query(`SELECT ${ROW} FROM claims WHERE status = 'APPROVED' ORDER BY updated_at, id LIMIT $1`, [limit]);
  }

  /** Paid claims cancelled whose credit no remittance has taken yet. */
  async creditsDue(limit: number, tx?: Transaction): Promise<ClaimRow[]> {
    return (tx ?? this.dataSource).query(
      `SELECT ${ROW} FROM claims WHERE status = 'CANCELLED' AND credit_cents > 0 AND NOT credit_settled ORDER BY updated_at, id LIMIT $1`,
      [limit],
    );
  }

  /** CREATED claims not changed since `olderThan`: those whose submission job may have been lost (the sweep's). */
  async submittable(olderThan: Date, limit: number): Promise<ClaimRow[]> {
    return this.dataSource.query(`SELECT ${ROW} FROM claims WHERE status = 'CREATED' AND updated_at < $1 ORDER BY updated_at, id LIMIT $2`, [
      olderThan,
      limit,
    ]);
  }

  /** Every claim of the patient, oldest first: what the patient's export holds. */
  async ofPseudonym(pseudonym: string): Promise<ClaimRow[]> {
    return this.dataSource.query(`SELECT ${ROW} FROM claims WHERE pseudonym = $1 ORDER BY created_at, id`, [pseudonym]);
  }

  /** The claims of an enrolment and period (any status), oldest first. */
  async ofEnrolmentPeriod(enrolmentId: string, period: string, tx?: Transaction): Promise<ClaimRow[]> {
    return (tx ?? this.dataSource).query(`SELECT ${ROW} FROM claims WHERE enrolment_id = $1 AND period = $2 ORDER BY created_at, id`, [
      enrolmentId,
      period,
    ]);
  }

  /**
   * Distinct patients per month having a claim that counts (not REJECTED nor
   * CANCELLED) whose TECHNICAL line pays this exploitant for this LPP code:
   * the file active's monthly counts, in the order of `months` (0 for none).
   */
  async distinctPatients(exploitant: string, lppCode: string, months: string[], tx?: Transaction): Promise<number[]> {
    const rows: Array<{ period: string; patients: number }> = await (tx ?? this.dataSource).query(
      `SELECT period, count(DISTINCT pseudonym)::int AS patients FROM claims
        WHERE technical_payee = $1 AND lpp_code = $2 AND period = ANY($3::text[]) AND ${IN_FORCE}
        GROUP BY period`,
      [exploitant, lppCode, months],
    );
    const counts = new Map(rows.map((row) => [row.period, row.patients]));
    return months.map((month) => counts.get(month) ?? 0);
  }

  /** Forgets the identity's ciphertext of an erased patient's claims; idempotent. Returns the rows that still held one. */
  async erasePatient(tx: Transaction, pseudonym: string): Promise<number> {
    const [{ erased }] = await tx.query(
      `WITH erased AS (UPDATE claims SET identity_encrypted = NULL WHERE pseudonym = $1 AND identity_encrypted IS NOT NULL RETURNING 1)
       SELECT count(*)::int AS erased FROM erased`,
      [pseudonym],
    );
    return erased;
  }
}
