import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { patientLimitOf, prescriberLimitOf, type PrescriptionViewer } from '../domain/prescription-visibility';
import type { RenewedPrescription } from '../domain/renewal';
import type { IndicationCode, PrescriptionStatus } from '../domain/vocabulary';
import type { StoredPrescriptionView } from './prescription-view';

/** A prescription as stored: its resource (no identity, free text sealed), its prescriber, the identity encrypted apart (null once the patient is erased). */
export interface PrescriptionRow {
  resource: StoredPrescriptionView;
  prescriberRpps: string;
  identityEncrypted: string | null;
  erased: boolean;
}

/** The row with its filter and expiry columns, as a step writes it at `at`. */
export interface StoredPrescription extends Omit<PrescriptionRow, 'erased' | 'identityEncrypted'> {
  identityEncrypted: string;
  id: string;
  status: PrescriptionStatus;
  version: number;
  patientPseudonym: string;
  indication: IndicationCode;
  deviceId: string;
  startDate: string;
  endDate: string;
  renewalOf: string | null;
  at: string;
}

const ROW = `resource, prescriber_rpps AS "prescriberRpps", identity_encrypted AS "identityEncrypted", patient_erased_at IS NOT NULL AS erased`;

const UPSERT = `
  INSERT INTO prescriptions
    (id, status, version, prescriber_rpps, patient_pseudonym, indication, device_id, start_date, end_date, renewal_of,
     identity_encrypted, resource, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
  ON CONFLICT (id) DO UPDATE SET
    status = EXCLUDED.status, version = EXCLUDED.version, resource = EXCLUDED.resource, updated_at = EXCLUDED.updated_at
  RETURNING ${ROW}`;

/**
 * The caller's limits (domain/prescription-visibility.ts) as SQL: `$n` is the
 * prescriber RPPS, `$n+1` the patient's pseudonym, each null for no limit.
 */
const VISIBLE_TO = (n: number): string =>
  `($${n}::text IS NULL OR prescriber_rpps = $${n}) AND ($${n + 1}::text IS NULL OR patient_pseudonym = $${n + 1})`;
const visibilityParams = (viewer: PrescriptionViewer): (string | null)[] => [prescriberLimitOf(viewer), patientLimitOf(viewer)];

/** What a list may be narrowed to, besides visibility (the JSON API's `status`; the FHIR search's patient, statuses and `_lastUpdated`). */
export interface PrescriptionFilters {
  statuses?: readonly PrescriptionStatus[];
  patientPseudonym?: string;
  /** `updated_at` from this instant, inclusive. */
  updatedFrom?: Date;
  /** `updated_at` before this instant, exclusive. */
  updatedBefore?: Date;
}

/** The prescriptions read model table, and the one SQL form of the visibility rule. */
@Injectable()
export class PrescriptionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: Transaction, p: StoredPrescription): Promise<PrescriptionRow> {
    const [row] = await tx.query(UPSERT, [
      p.id,
      p.status,
      p.version,
      p.prescriberRpps,
      p.patientPseudonym,
      p.indication,
      p.deviceId,
      p.startDate,
      p.endDate,
      p.renewalOf,
      p.identityEncrypted,
      p.resource,
      p.at,
    ]);
    return row;
  }

  /** The prescription if this viewer may see it; null for a missing one and for one they may not see alike. */
  async findVisible(id: string, viewer: PrescriptionViewer, tx?: Transaction): Promise<PrescriptionRow | null> {
    const [row] = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM prescriptions WHERE id = $1 AND ${VISIBLE_TO(2)}`, [
      id,
      ...visibilityParams(viewer),
    ]);
    return row ?? null;
  }

  async listVisible(
    viewer: PrescriptionViewer,
    filters: PrescriptionFilters,
    page: { page: number; pageSize: number },
  ): Promise<{ rows: PrescriptionRow[]; total: number }> {
    const where = `${VISIBLE_TO(1)} AND ($3::text[] IS NULL OR status = ANY($3::text[])) AND ($4::text IS NULL OR patient_pseudonym = $4::text)
      AND ($5::timestamptz IS NULL OR updated_at >= $5::timestamptz) AND ($6::timestamptz IS NULL OR updated_at < $6::timestamptz)`;
    const params = [
      ...visibilityParams(viewer),
      filters.statuses ? [...filters.statuses] : null,
      filters.patientPseudonym ?? null,
      filters.updatedFrom?.toISOString() ?? null,
      filters.updatedBefore?.toISOString() ?? null,
    ];
    const { offset, limit } = pageWindow(page);
    const rows = await this.dataSource.query(`SELECT ${ROW} FROM prescriptions WHERE ${where} ORDER BY created_at, id OFFSET $7 LIMIT $8`, [
      ...params,
      offset,
      limit,
    ]);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM prescriptions WHERE ${where}`, params);
    return { rows, total };
  }

  /** What a renewal is checked against, whoever asks (the rule decides what they are told). */
  async renewable(id: string, tx?: Transaction): Promise<RenewedPrescription | null> {
    const [row] = await (tx ?? this.dataSource).query(
      `SELECT id, status, prescriber_rpps AS "prescriberRpps", patient_pseudonym AS "patientPseudonym", indication,
              device_id AS "deviceId", resource->>'operatorOrg' AS "operatorOrg", to_char(end_date, 'YYYY-MM-DD') AS "endDate"
         FROM prescriptions WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The pseudonym of a prescription's patient, whoever asks (to seal a step's text before its admission decides). */
  async patientOf(id: string, tx: Transaction): Promise<string | null> {
    const [row] = await tx.query(`SELECT patient_pseudonym AS "pseudonym" FROM prescriptions WHERE id = $1`, [id]);
    return row?.pseudonym ?? null;
  }

  /** Every prescription of the patient, oldest first: what the patient's export holds. */
  async ofPatient(pseudonym: string): Promise<PrescriptionRow[]> {
    return this.dataSource.query(`SELECT ${ROW} FROM prescriptions WHERE patient_pseudonym = $1 ORDER BY created_at, id`, [pseudonym]);
  }

  /** Forgets the identity's ciphertext of an erased patient; idempotent. Returns the rows that still held one. */
  async erasePatient(tx: Transaction, pseudonym: string, at: string): Promise<number> {
    const [{ erased }] = await tx.query(
      `WITH erased AS (
         UPDATE prescriptions SET identity_encrypted = NULL, patient_erased_at = $2
          WHERE patient_pseudonym = $1 AND patient_erased_at IS NULL RETURNING 1)
       SELECT count(*)::int AS erased FROM erased`,
      [pseudonym, at],
    );
    return erased;
  }

  /** The patient's ISSUED prescriptions for an indication (NO_DUPLICATE). */
  async issuedFor(patientPseudonym: string, indication: IndicationCode, tx?: Transaction): Promise<string[]> {
    const rows = await (tx ?? this.dataSource).query(
      `SELECT id FROM prescriptions WHERE patient_pseudonym = $1 AND indication = $2 AND status = 'ISSUED'`,
      [patientPseudonym, indication],
    );
    return rows.map((row: { id: string }) => row.id);
  }

  /** ISSUED prescriptions whose end date is before `today` (YYYY-MM-DD, Europe/Paris), soonest first. */
  async dueForExpiry(today: string): Promise<string[]> {
    const rows = await this.dataSource.query(`SELECT id FROM prescriptions WHERE status = 'ISSUED' AND end_date < $1::date ORDER BY end_date, id`, [
      today,
    ]);
    return rows.map((row: { id: string }) => row.id);
  }
}
