import type { EnrolledPrescriptionV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

/** What a fact about an enrolment needs to say whom it concerns. */
export interface EnrolmentAudience {
  enrolmentId: string;
  prescriptionId: string;
  prescriberRpps: string;
  operatorOrg: string;
  deviceId: string;
  pseudonym: string;
}

const AUDIENCE = `enrolment_id AS "enrolmentId", prescription_id AS "prescriptionId", prescriber_rpps AS "prescriberRpps",
  operator_org AS "operatorOrg", device_id AS "deviceId", pseudonym`;

/** `enrolments`: each enrolment's prescription in force and its parties, and when it was active. */
@Injectable()
export class EnrolmentAudiencesRepository {
  async created(tx: Transaction, enrolmentId: string, prescription: EnrolledPrescriptionV1, pseudonym: string, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO enrolments (enrolment_id, prescription_id, prescriber_rpps, operator_org, device_id, pseudonym, status, version)
       VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7) ON CONFLICT (enrolment_id) DO NOTHING`,
      [enrolmentId, prescription.prescriptionId, prescription.prescriberRpps, prescription.operatorOrg, prescription.device.id, pseudonym, version],
    );
  }

  /** A renewal: the new prescription and its prescriber are the ones told from now on; a reopened enrolment waits to be activated again. */
  async extended(tx: Transaction, enrolmentId: string, prescription: EnrolledPrescriptionV1, reopened: boolean, version: number): Promise<void> {
    await tx.query(
      `UPDATE enrolments SET prescription_id = $2, prescriber_rpps = $3, operator_org = $4, device_id = $5, version = $6,
         status = CASE WHEN $7 THEN 'PENDING' ELSE status END, activated_at = CASE WHEN $7 THEN NULL ELSE activated_at END
       WHERE enrolment_id = $1 AND version < $6`,
      [enrolmentId, prescription.prescriptionId, prescription.prescriberRpps, prescription.operatorOrg, prescription.device.id, version, reopened],
    );
  }

  async activated(tx: Transaction, enrolmentId: string, at: string, version: number): Promise<void> {
    await tx.query(
      `UPDATE enrolments SET status = 'ACTIVE', activated_at = $2, inactive_since = NULL, version = $3 WHERE enrolment_id = $1 AND version < $3`,
      [enrolmentId, at, version],
    );
  }

  async resumed(tx: Transaction, enrolmentId: string, version: number): Promise<void> {
    await tx.query(`UPDATE enrolments SET status = 'ACTIVE', inactive_since = NULL, version = $2 WHERE enrolment_id = $1 AND version < $2`, [enrolmentId, version]);
  }

  /** Suspended or ended at `at`: no longer active from then on. */
  async leftActive(tx: Transaction, enrolmentId: string, status: 'SUSPENDED' | 'ENDED', at: string, version: number): Promise<void> {
    await tx.query(
      `UPDATE enrolments SET status = $2, inactive_since = CASE WHEN status = 'ACTIVE' THEN $3::timestamptz ELSE inactive_since END, version = $4
       WHERE enrolment_id = $1 AND version < $4`,
      [enrolmentId, status, at, version],
    );
  }

  async get(tx: Transaction, enrolmentId: string): Promise<EnrolmentAudience | null> {
    const [row] = await tx.query(`SELECT ${AUDIENCE} FROM enrolments WHERE enrolment_id = $1`, [enrolmentId]);
    return row ?? null;
  }

  /**
   * The enrolments on the device that were ACTIVE at `at`: activated by then,
   * and not suspended or ended before (one the platform suspended because of
   * this very fact left ACTIVE after it, so it is one of them).
   */
  activeOnDevice(tx: Transaction, deviceId: string, at: string): Promise<EnrolmentAudience[]> {
    return tx.query(
      `SELECT ${AUDIENCE} FROM enrolments
       WHERE device_id = $1 AND activated_at <= $2 AND (inactive_since IS NULL OR inactive_since >= $2)
       ORDER BY enrolment_id`,
      [deviceId, at],
    );
  }
}
