import type { EnrolledPrescriptionV1, EnrolmentStatusV1, RightsStatusV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EnrolmentFacts } from '../domain/billing/billing-facts';
import type { Period } from '../domain/billing/period';
import { EnrolmentIncidentsRepository } from './enrolment-incidents.repository';
import { EnrolmentTimelineRepository } from './enrolment-timeline.repository';
import { PrescriptionFactsRepository } from './prescription-facts.repository';
import { iso, isoAt } from './sql-values';

/** A change of an enrolment's row by one of its events (`version`): applied once, never over a later one. */
export interface EnrolmentFactsChange {
  version: number;
  at: string;
  /** The new status; `onlyFrom` applies it only from these statuses (a consent moves PENDING_CONSENT on, nothing else). */
  status?: { to: EnrolmentStatusV1; onlyFrom?: EnrolmentStatusV1[] };
  rightsStatus?: Exclude<RightsStatusV1, 'PENDING'>;
  /** Set (the end) or cleared (reopened by a renewal); absent: unchanged. */
  endedAt?: string | null;
  /** The event can change billable days: claims computed before it are rechecked. */
  changesDays: boolean;
}

interface EnrolmentFactsRow {
  enrolmentId: string;
  pseudonym: string;
  identityEncrypted: string | null;
  prescriptionId: string;
  prescriptionIds: string[];
  prescriberRpps: string[];
  operatorOrg: string;
  deviceId: string;
  udiDi: string;
  indication: EnrolmentFacts['indication'];
  ald: boolean;
  status: EnrolmentFacts['status'];
  rightsStatus: EnrolmentFacts['rightsStatus'];
  createdAt: Date;
  endedAt: Date | null;
  factsVersion: number;
}

const ROW = `enrolment_id AS "enrolmentId", pseudonym, identity_encrypted AS "identityEncrypted", prescription_id AS "prescriptionId",
  prescription_ids AS "prescriptionIds", prescriber_rpps AS "prescriberRpps", operator_org AS "operatorOrg", device_id AS "deviceId",
  udi_di AS "udiDi", indication, ald, status, rights_status AS "rightsStatus", created_at AS "createdAt", ended_at AS "endedAt",
  facts_version AS "factsVersion"`;

/**
 * Each enrolment as enrolment.events.v1 told it (the `enrolment_facts`
 * table), and the whole of what billing reads of it (`factsOf`, with its
 * timeline, incidents and prescriptions from their own repositories).
 */
@Injectable()
export class EnrolmentFactsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: EnrolmentTimelineRepository,
    private readonly incidents: EnrolmentIncidentsRepository,
    private readonly prescriptions: PrescriptionFactsRepository,
  ) {}

  /** EnrolmentCreated (stream version `version`); a redelivery changes nothing. */
  async created(
    tx: Transaction,
    e: { enrolmentId: string; prescription: EnrolledPrescriptionV1; patient: { pseudonym: string; identityEncrypted: string }; createdAt: string },
    version: number,
  ): Promise<void> {
    const p = e.prescription;
    await tx.query(
      `INSERT INTO enrolment_facts (enrolment_id, pseudonym, identity_encrypted, prescription_id, prescription_ids, prescriber_rpps, operator_org,
         device_id, udi_di, indication, ald, start_date, end_date, status, rights_status, created_at, ended_at, stream_version, facts_version, updated_at)
       VALUES ($1, $2, $3, $4, ARRAY[$4]::uuid[], ARRAY[$5]::text[], $6, $7, $8, $9, $10, $11, $12, 'PENDING_CONSENT', 'PENDING', $13, NULL, $14, $14, $13)
       ON CONFLICT (enrolment_id) DO NOTHING`,
      [
        e.enrolmentId,
        e.patient.pseudonym,
        e.patient.identityEncrypted,
        p.prescriptionId,
        p.prescriberRpps,
        p.operatorOrg,
        p.device.id,
        p.device.udiDi,
        p.indication,
        p.ald,
        p.startDate,
        p.endDate,
        e.createdAt,
        version,
      ],
    );
  }

  /** EnrolmentExtended: the renewal is the prescription in force, its prescriber joins the chain's; reopened, the enrolment waits for an activation. */
  async extended(tx: Transaction, enrolmentId: string, p: EnrolledPrescriptionV1, reopened: boolean, version: number, at: string): Promise<void> {
    await tx.query(
      `UPDATE enrolment_facts SET prescription_id = $2::uuid,
         prescription_ids = CASE WHEN $2::uuid = ANY(prescription_ids) THEN prescription_ids ELSE prescription_ids || $2::uuid END,
         prescriber_rpps = CASE WHEN $3::text = ANY(prescriber_rpps) THEN prescriber_rpps ELSE prescriber_rpps || $3::text END,
         operator_org = $4, device_id = $5, udi_di = $6, indication = $7, ald = $8, start_date = $9, end_date = $10,
         status = CASE WHEN $11::boolean THEN 'PENDING_ACTIVATION' ELSE status END, ended_at = CASE WHEN $11::boolean THEN NULL ELSE ended_at END,
         stream_version = $12, facts_version = GREATEST(facts_version + 1, $12), updated_at = $13
       WHERE enrolment_id = $1 AND stream_version < $12`,
      [
        enrolmentId,
        p.prescriptionId,
        p.prescriberRpps,
        p.operatorOrg,
        p.device.id,
        p.device.udiDi,
        p.indication,
        p.ald,
        p.startDate,
        p.endDate,
        reopened,
        version,
        at,
      ],
    );
  }

  /** A step of the enrolment: its status, rights, end, and whether billed days must be rechecked. */
  async advance(tx: Transaction, enrolmentId: string, change: EnrolmentFactsChange): Promise<void> {
    await tx.query(
      `UPDATE enrolment_facts SET
         status = CASE WHEN $3::text IS NOT NULL AND ($4::text[] IS NULL OR status = ANY($4::text[])) THEN $3 ELSE status END,
         rights_status = COALESCE($5, rights_status),
         ended_at = CASE WHEN $6::boolean THEN $7::timestamptz ELSE ended_at END,
         facts_version = CASE WHEN $8::boolean THEN GREATEST(facts_version + 1, $2::int) ELSE facts_version END,
         stream_version = $2, updated_at = $9
       WHERE enrolment_id = $1 AND stream_version < $2`,
      [
        enrolmentId,
        change.version,
        change.status?.to ?? null,
        change.status?.onlyFrom ?? null,
        change.rightsStatus ?? null,
        change.endedAt !== undefined,
        change.endedAt ?? null,
        change.changesDays,
        change.at,
      ],
    );
  }

  /**
   * A fact of another stream changed days of the enrolments relying on it (a
   * prescription of their chain cancelled or expired): claims computed before
   * are rechecked. `facts_version` only ever grows.
   */
  async touchPrescription(tx: Transaction, prescriptionId: string, at: string): Promise<void> {
    await tx.query(`UPDATE enrolment_facts SET facts_version = facts_version + 1, updated_at = $2 WHERE $1::uuid = ANY(prescription_ids)`, [
      prescriptionId,
      at,
    ]);
  }

  /** The enrolments of the period: known, created before its end and not ended before its start; by id, after `after`. */
  async ofPeriod(period: Period, after: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT enrolment_id AS id FROM enrolment_facts
        WHERE created_at < $1 AND (ended_at IS NULL OR ended_at >= $2) AND ($3::uuid IS NULL OR enrolment_id > $3::uuid)
        ORDER BY enrolment_id LIMIT $4`,
      [period.to, period.from, after, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Everything billing reads of these enrolments (those known), in the order asked. */
  async factsOf(ids: string[], tx?: Transaction): Promise<EnrolmentFacts[]> {
    if (ids.length === 0) return [];
    const runner = tx ?? this.dataSource.manager;
    const rows: EnrolmentFactsRow[] = await runner.query(`SELECT ${ROW} FROM enrolment_facts WHERE enrolment_id = ANY($1::uuid[])`, [ids]);
    const known = rows.map((row) => row.enrolmentId);
    const timeline = await this.timeline.of(known, runner);
    const incidents = await this.incidents.of(known, runner);
    const prescriptions = await this.prescriptions.of([...new Set(rows.flatMap((row) => row.prescriptionIds))], runner);
    const byId = new Map(rows.map((row) => [row.enrolmentId, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const facts: EnrolmentFacts = {
        enrolmentId: row.enrolmentId,
        pseudonym: row.pseudonym,
        identityEncrypted: row.identityEncrypted,
        indication: row.indication,
        ald: row.ald,
        operatorOrg: row.operatorOrg,
        deviceId: row.deviceId,
        udiDi: row.udiDi,
        prescriptionId: row.prescriptionId,
        prescriptionIds: row.prescriptionIds,
        prescriberRpps: row.prescriberRpps,
        status: row.status,
        rightsStatus: row.rightsStatus,
        createdAt: isoAt(row.createdAt),
        endedAt: iso(row.endedAt),
        factsVersion: row.factsVersion,
        timeline: timeline.get(id) ?? [],
        incidents: incidents.get(id) ?? [],
        prescriptions: row.prescriptionIds.flatMap((prescriptionId) => {
          const fact = prescriptions.get(prescriptionId);
          return fact ? [fact] : [];
        }),
      };
      return [facts];
    });
  }

  /** The facts version a claim computed now relies on (0 for an enrolment not known). */
  async factsVersionOf(enrolmentId: string, tx?: Transaction): Promise<number> {
    const [row] = await (tx ?? this.dataSource).query(`SELECT facts_version AS "factsVersion" FROM enrolment_facts WHERE enrolment_id = $1`, [
      enrolmentId,
    ]);
    return row?.factsVersion ?? 0;
  }

  /** Forgets the identity's ciphertext of an erased patient; idempotent. Returns the rows that still held one. */
  async erasePatient(tx: Transaction, pseudonym: string): Promise<number> {
    const [{ erased }] = await tx.query(
      `WITH erased AS (UPDATE enrolment_facts SET identity_encrypted = NULL WHERE pseudonym = $1 AND identity_encrypted IS NOT NULL RETURNING 1)
       SELECT count(*)::int AS erased FROM erased`,
      [pseudonym],
    );
    return erased;
  }
}
