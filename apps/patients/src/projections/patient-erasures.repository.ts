import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PatientErasureView } from './patient-erasure-view';

const UPSERT = `
  INSERT INTO patient_erasures (pseudonym, erasure_id, version, erased_at, resource)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (pseudonym) DO UPDATE SET
    erasure_id = EXCLUDED.erasure_id, version = EXCLUDED.version, erased_at = EXCLUDED.erased_at, resource = EXCLUDED.resource
  RETURNING resource`;

/** The patient_erasures table: one row per erased pseudonym, `resource` its API representation. */
@Injectable()
export class PatientErasuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: Transaction, view: PatientErasureView): Promise<PatientErasureView> {
    const [row] = await tx.query(UPSERT, [view.pseudonym, view.id, view.version, view.erasedAt, view]);
    return row.resource;
  }

  async find(pseudonym: string): Promise<PatientErasureView | null> {
    const [row] = await this.dataSource.query(`SELECT resource FROM patient_erasures WHERE pseudonym = $1`, [pseudonym]);
    return row?.resource ?? null;
  }
}
