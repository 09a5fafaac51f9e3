import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClaimsRepository } from './claims.repository';
import { isoAt } from './sql-values';

/** The file active of one exploitant and LPP code for one semester, frozen at its first billing run. */
export interface FileActiveRow {
  exploitant: string;
  lppCode: string;
  /** The semester it applies to: `YYYY-04` (April-September) or `YYYY-10` (October-March). */
  semester: string;
  /** The monthly average over the previous semester (not rounded: the tranche takes its floor). */
  patients: number;
  /** The previous semester's months and the distinct patients billed in each. */
  monthly: Array<{ period: string; patients: number }>;
  tranche: { fromPatients: number; amountCents: number };
  tariffVersion: string;
  frozenAt: string;
}

/** `GET /v1/file-active` items: the row and the semester's first and last day. */
export type FileActiveView = FileActiveRow & { from: string; to: string };

export interface FileActiveFilters {
  exploitant?: string;
  lppCode?: string;
}

const ROW = `exploitant, lpp_code AS "lppCode", semester, patients::float8 AS patients, monthly, tranche_from AS "trancheFrom",
  tranche_cents AS "trancheCents", tariff_version AS "tariffVersion", frozen_at AS "frozenAt"`;

type RawRow = Omit<FileActiveRow, 'tranche' | 'frozenAt'> & { trancheFrom: number; trancheCents: number; frozenAt: Date };

const rowOf = ({ trancheFrom, trancheCents, frozenAt, ...rest }: RawRow): FileActiveRow => ({
  ...rest,
  tranche: { fromPatients: trancheFrom, amountCents: trancheCents },
  frozenAt: isoAt(frozenAt),
});

/** The first and last day of a semester (`YYYY-04`: April 1 to September 30; `YYYY-10`: October 1 to March 31). */
export function semesterDays(semester: string): { from: string; to: string } {
  const year = Number(semester.slice(0, 4));
  return semester.endsWith('-04') ? { from: `${year}-04-01`, to: `${year}-09-30` } : { from: `${year}-10-01`, to: `${year + 1}-03-31` };
}

/** The frozen file active (`file_active`), and the counts it is computed from (the claims themselves). */
@Injectable()
export class FileActiveRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
  ) {}

  async frozen(exploitant: string, lppCode: string, semester: string, tx?: Transaction): Promise<FileActiveRow | null> {
    const [raw] = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM file_active WHERE exploitant = $1 AND lpp_code = $2 AND semester = $3`, [
      exploitant,
      lppCode,
      semester,
    ]);
    return raw ? rowOf(raw) : null;
  }

  /** Freezes it unless it is already: the row in force either way (two runs agree on one). */
  async freeze(row: FileActiveRow, tx?: Transaction): Promise<FileActiveRow> {
    const runner = tx ?? this.dataSource;
    await runner.query(
      `INSERT INTO file_active (exploitant, lpp_code, semester, patients, monthly, tranche_from, tranche_cents, tariff_version, frozen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [
        row.exploitant,
        row.lppCode,
        row.semester,
        row.patients,
        JSON.stringify(row.monthly),
        row.tranche.fromPatients,
        row.tranche.amountCents,
        row.tariffVersion,
        row.frozenAt,
      ],
    );
    const frozen = await this.frozen(row.exploitant, row.lppCode, row.semester, tx);
    if (!frozen) throw new Error(`file active ${row.exploitant}/${row.lppCode}/${row.semester} not frozen`);
    return frozen;
  }

  /** The distinct patients billed per month (claims not REJECTED nor CANCELLED), in the order of `months`. */
  monthlyPatients(exploitant: string, lppCode: string, months: string[], tx?: Transaction): Promise<number[]> {
    return this.claims.distinctPatients(exploitant, lppCode, months, tx);
  }

  async list(filter: FileActiveFilters, page: { page: number; pageSize: number }): Promise<{ rows: FileActiveView[]; total: number }> {
    const where = `($1::text IS NULL OR exploitant = $1) AND ($2::text IS NULL OR lpp_code = $2)`;
    const params = [filter.exploitant ?? null, filter.lppCode ?? null];
    const { offset, limit } = pageWindow(page);
    const raws: RawRow[] = await this.dataSource.query(
      `SELECT ${ROW} FROM file_active WHERE ${where} ORDER BY exploitant, lpp_code, semester DESC OFFSET $3 LIMIT $4`,
      [...params, offset, limit],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM file_active WHERE ${where}`, params);
    return { rows: raws.map((raw) => ({ ...rowOf(raw), ...semesterDays(raw.semester) })), total };
  }
}
