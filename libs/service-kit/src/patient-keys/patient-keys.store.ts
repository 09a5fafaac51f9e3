import type { WrappedDataKey } from '@app/fr-health';
import { assertSchemaName } from '../database/schema-name';
import { PATIENT_KEYS_SCHEMA } from './patient-key-rights';

/** What runs a statement: a transaction's EntityManager or the DataSource (TypeORM: the rows of the answer). */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** One generation of a patient's data key as stored: wrapped, or destroyed (no key left). */
export type StoredGeneration =
  | ({ generation: number; destroyed: false } & WrappedDataKey)
  | { generation: number; destroyed: true };

export interface KeyToRewrap extends WrappedDataKey {
  pseudonym: string;
  generation: number;
}

interface GenerationRow {
  generation: number;
  master_version: number;
  wrapped: Buffer | null;
  destroyed?: boolean;
}

/**
 * The SQL of the `patient_keys` functions, and nothing else: no statement here
 * touches the table, which no service role may read (patient-keys.migration.ts).
 */
export class PatientKeysStore {
  private readonly s: string;

  constructor(schema: string = PATIENT_KEYS_SCHEMA) {
    this.s = assertSchemaName(schema);
  }

  async generationsOf(db: Queryable, pseudonym: string): Promise<StoredGeneration[]> {
    const rows: GenerationRow[] = await db.query(
      `SELECT generation, master_version, wrapped, destroyed FROM ${this.s}.data_keys_of($1)`,
      [pseudonym],
    );
    return rows.map(toGeneration);
  }

  /** The live key after the call: `proposed` when it became it, another when one was live already; null when `generation` is not the next one. */
  async issue(db: Queryable, pseudonym: string, generation: number, proposed: WrappedDataKey): Promise<StoredGeneration | null> {
    const [row]: GenerationRow[] = await db.query(
      `SELECT generation, master_version, wrapped FROM ${this.s}.issue_data_key($1, $2, $3, $4)`,
      [pseudonym, generation, proposed.masterVersion, proposed.wrapped],
    );
    return row ? toGeneration(row) : null;
  }

  async erase(db: Queryable, pseudonym: string): Promise<{ known: boolean; destroyed: number }> {
    const [row]: { known: boolean; destroyed: number }[] = await db.query(`SELECT known, destroyed FROM ${this.s}.erase_patient($1)`, [pseudonym]);
    return { known: row.known, destroyed: row.destroyed };
  }

  /** Live keys not under `masterVersion`, after `after` in (pseudonym, generation) order. */
  async keysToRewrap(db: Queryable, masterVersion: number, after: { pseudonym: string; generation: number }, limit: number): Promise<KeyToRewrap[]> {
    const rows: (GenerationRow & { pseudonym: string })[] = await db.query(
      `SELECT pseudonym, generation, master_version, wrapped FROM ${this.s}.keys_to_rewrap($1, $2, $3, $4)`,
      [masterVersion, after.pseudonym, after.generation, limit],
    );
    return rows.map((row) => ({ pseudonym: row.pseudonym, generation: row.generation, masterVersion: row.master_version, wrapped: row.wrapped! }));
  }

  /** Compare-and-set: false when the key is no longer `from` (erased, or re-wrapped by another run). */
  async rewrap(db: Queryable, key: KeyToRewrap, to: WrappedDataKey): Promise<boolean> {
    const [{ done }]: { done: boolean }[] = await db.query(`SELECT ${this.s}.rewrap_data_key($1, $2, $3, $4, $5, $6) AS done`, [
      key.pseudonym,
      key.generation,
      key.masterVersion,
      key.wrapped,
      to.masterVersion,
      to.wrapped,
    ]);
    return done;
  }
}

function toGeneration(row: GenerationRow): StoredGeneration {
  if (row.destroyed || row.wrapped === null) return { generation: row.generation, destroyed: true };
  return { generation: row.generation, destroyed: false, masterVersion: row.master_version, wrapped: row.wrapped };
}
