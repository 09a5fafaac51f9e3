import type { IndicationCode } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PrescriptionFact } from '../domain/billing/billing-facts';
import { dateText, iso } from './sql-values';

/** A prescription as issued: what its row starts from. */
export interface IssuedPrescription {
  prescriptionId: string;
  startDate: string;
  endDate: string;
  indication: IndicationCode;
  operatorOrg: string;
  prescriberRpps: string;
  deviceId: string;
}

/** Each prescription's status and dates, as prescription.events.v1 (or the enrolment that relies on it) told it. */
@Injectable()
export class PrescriptionFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Issued at this prescription stream version; an enrolment's event records
   * it at version 0 (it only exists for an issued prescription), which any
   * event of the prescription itself then overrides.
   */
  async issued(tx: Transaction, p: IssuedPrescription, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO prescription_facts (prescription_id, status, start_date, end_date, cancelled_at, indication, operator_org, prescriber_rpps, device_id, version)
       VALUES ($1, 'ISSUED', $2, $3, NULL, $4, $5, $6, $7, $8)
       ON CONFLICT (prescription_id) DO UPDATE SET status = 'ISSUED', start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
         cancelled_at = NULL, indication = EXCLUDED.indication, operator_org = EXCLUDED.operator_org, prescriber_rpps = EXCLUDED.prescriber_rpps,
         device_id = EXCLUDED.device_id, version = EXCLUDED.version
         WHERE prescription_facts.version < EXCLUDED.version`,
      [p.prescriptionId, p.startDate, p.endDate, p.indication, p.operatorOrg, p.prescriberRpps, p.deviceId, version],
    );
  }

  async cancelled(tx: Transaction, prescriptionId: string, cancelledAt: string, version: number): Promise<void> {
    await tx.query(
      `UPDATE prescription_facts SET status = 'CANCELLED', cancelled_at = $2, version = $3 WHERE prescription_id = $1 AND version < $3`,
      [prescriptionId, cancelledAt, version],
    );
  }

  async expired(tx: Transaction, prescriptionId: string, version: number): Promise<void> {
    await tx.query(`UPDATE prescription_facts SET status = 'EXPIRED', version = $2 WHERE prescription_id = $1 AND version < $2 AND status = 'ISSUED'`, [
      prescriptionId,
      version,
    ]);
  }

  async of(prescriptionIds: string[], tx?: Transaction): Promise<Map<string, PrescriptionFact>> {
    const rows: Array<{ prescriptionId: string; status: PrescriptionFact['status']; startDate: string; endDate: string; cancelledAt: Date | null }> =
      await (tx ?? this.dataSource).query(
        `SELECT prescription_id AS "prescriptionId", status, ${dateText('start_date', 'startDate')}, ${dateText('end_date', 'endDate')},
                cancelled_at AS "cancelledAt"
           FROM prescription_facts WHERE prescription_id = ANY($1::uuid[])`,
        [prescriptionIds],
      );
    return new Map(rows.map((row) => [row.prescriptionId, { ...row, cancelledAt: iso(row.cancelledAt) }]));
  }
}
