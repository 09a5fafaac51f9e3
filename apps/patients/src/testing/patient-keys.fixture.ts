import { withClient } from '@app/service-kit';
import { testDatabaseUrl, type TestPatientKeys } from '@app/testing';
import { randomBytes } from 'node:crypto';

/**
 * A patient with a live data key in the test's patient keys schema, as a
 * first prescription leaves one. The patients service never unwraps keys, so
 * the wrapped bytes need not open; destroyed earlier generations come first.
 */
export async function issueTestKeys(keys: TestPatientKeys, pseudonym: string, destroyedBefore = 0): Promise<void> {
  await withClient(testDatabaseUrl(), async (client) => {
    for (let generation = 1; generation <= destroyedBefore + 1; generation++) {
      const destroyed = generation <= destroyedBefore;
      await client.query(
        `INSERT INTO ${keys.schema}.data_keys (pseudonym, generation, master_version, wrapped, destroyed_at) VALUES ($1, $2, 1, $3, $4)`,
        [pseudonym, generation, destroyed ? null : randomBytes(60), destroyed ? new Date() : null],
      );
    }
  });
}

/** Generations of the patient's key still live (not destroyed). */
export async function liveTestKeys(keys: TestPatientKeys, pseudonym: string): Promise<number> {
  return withClient(testDatabaseUrl(), async (client) => {
    const { rows } = await client.query(`SELECT count(*)::int AS live FROM ${keys.schema}.data_keys WHERE pseudonym = $1 AND wrapped IS NOT NULL`, [
      pseudonym,
    ]);
    return rows[0].live as number;
  });
}
