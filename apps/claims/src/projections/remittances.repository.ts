import type { ClaimLineKindV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClaimViewer } from '../domain/claim-visibility';
import { remittanceVisibleTo } from './claim-visible-to.sql';
import { isoAt } from './sql-values';

/** One claim's part of a remittance: each line's AMO share paid (negative for a credit). */
export interface RemittedClaim {
  claimId: string;
  period: string;
  lines: Array<{ kind: ClaimLineKindV1; code: string; amountCents: number }>;
  amountCents: number;
}

/** One remittance advice per payee and payment run (API.md "Claims"). */
export interface Remittance {
  id: string;
  paymentRunId: string;
  payee: string;
  reference: string;
  paidAt: string;
  totalCents: number;
  claims: RemittedClaim[];
}

export interface RemittanceFilters {
  payee?: string;
  /** Remittances paying at least one claim of this period. */
  period?: string;
}

const ROW = `id, payment_run_id AS "paymentRunId", payee, reference, paid_at AS "paidAt", total_cents AS "totalCents", claims`;

const remittanceOf = (raw: Omit<Remittance, 'paidAt'> & { paidAt: Date }): Remittance => ({ ...raw, paidAt: isoAt(raw.paidAt) });

/** The remittance advices (`remittances`), seen by claims processors and admins, and by each payee org for its own. */
@Injectable()
export class RemittancesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Once per payment run and payee: a redone payment run keeps the first. */
  async insert(tx: Transaction, r: Remittance): Promise<void> {
    await tx.query(
      `INSERT INTO remittances (id, payment_run_id, payee, reference, paid_at, total_cents, claims) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING`,
      [r.id, r.paymentRunId, r.payee, r.reference, r.paidAt, r.totalCents, JSON.stringify(r.claims)],
    );
  }

  async get(id: string, viewer: ClaimViewer): Promise<Remittance | null> {
    const visible = remittanceVisibleTo(viewer, 2);
    const [raw] = await this.dataSource.query(`SELECT ${ROW} FROM remittances WHERE id = $1 AND ${visible.sql}`, [id, visible.param]);
    return raw ? remittanceOf(raw) : null;
  }

  /** Those of a payment run (the payment job's own reads). */
  async ofPaymentRun(paymentRunId: string, tx?: Transaction): Promise<Remittance[]> {
    const raws = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM remittances WHERE payment_run_id = $1 ORDER BY payee`, [paymentRunId]);
    return raws.map(remittanceOf);
  }

  async list(filter: RemittanceFilters, viewer: ClaimViewer, page: { page: number; pageSize: number }): Promise<{ rows: Remittance[]; total: number }> {
    const visible = remittanceVisibleTo(viewer, 1);
    const where = `${visible.sql} AND ($2::text IS NULL OR payee = $2) AND ($3::jsonb IS NULL OR claims @> $3::jsonb)`;
    const params = [visible.param, filter.payee ?? null, filter.period ? JSON.stringify([{ period: filter.period }]) : null];
    const { offset, limit } = pageWindow(page);
    const raws = await this.dataSource.query(`SELECT ${ROW} FROM remittances WHERE ${where} ORDER BY paid_at, id OFFSET $4 LIMIT $5`, [
      ...params,
      offset,
      limit,
    ]);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM remittances WHERE ${where}`, params);
    return { rows: raws.map(remittanceOf), total };
  }
}
