/** What the stores need of a DataSource or a transaction's EntityManager. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** Injection token of the service's database as a Queryable (its DataSource): readers never name TypeORM. */
export const LEDGER_DB = Symbol('LEDGER_DB');
