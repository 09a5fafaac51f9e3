import { testDatabaseUrl } from '@app/testing';
import { Client, Pool } from 'pg';
import { openTcpProxy, type TcpProxy } from './tcp-proxy';

/** The machine's Postgres ("host:port" of DATABASE_URL): the proxy only relays to it, never stops it. */
const postgres = new URL(testDatabaseUrl());
const TARGET = `${postgres.hostname}:${postgres.port || 5432}`;

/** DATABASE_URL with its host and port replaced by the proxy's. */
const throughProxy = (proxy: TcpProxy): string => {
  const url = new URL(testDatabaseUrl());
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
};

/** How long `attempt` took to fail, and with what; fails the test if it succeeded. */
async function failure(attempt: () => Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const started = Date.now();
  try {
    await attempt();
  } catch (error) {
    return { error: error as Error, ms: Date.now() - started };
  }
  throw new Error('expected a failure, it succeeded');
}

describe('TcpProxy between a client and the real Postgres', () => {
  let proxy: TcpProxy;

  beforeEach(async () => {
    proxy = await openTcpProxy(0, TARGET);
  });
  afterEach(() => proxy.close());

  it('relays queries on a port of its own choosing', async () => {
    expect(proxy.port).toBeGreaterThan(0);
    const client = new Client({ connectionString: throughProxy(proxy) });
    await client.connect();
    try {
      expect((await client.query('SELECT 41 + 1 AS n')).rows).toEqual([{ n: 42 }]);
      expect(proxy.accepted).toBe(1);
      expect(proxy.open).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('cut: an open connection breaks at once, and new ones are refused quickly rather than left hanging', async () => {
    const client = new Client({ connectionString: throughProxy(proxy) });
    const broken = new Promise<Error>((resolve) => client.on('error', resolve));
    await client.connect();

    proxy.cut();
    expect(proxy.isCut).toBe(true);
    expect(proxy.open).toBe(0);
    // (An Error of pg's realm: jest's toBeInstanceOf would compare it with the test's own Error.)
    expect((await broken).message).toMatch(/ECONNRESET|terminated/i);
    const query = await failure(() => client.query('SELECT 1'));
    expect(query.ms).toBeLessThan(1_000);

    const fresh = new Client({ connectionString: throughProxy(proxy), connectionTimeoutMillis: 10_000 });
    fresh.on('error', () => undefined);
    const refusal = await failure(() => fresh.connect());
    // Well before the client's own 10 s timeout: the proxy answers with a reset.
    expect(refusal.ms).toBeLessThan(1_000);
    expect(proxy.refused).toBe(1);
    await client.end().catch(() => undefined);
  });

  it('restore: a pool whose connections were cut serves again without being rebuilt', async () => {
    const pool = new Pool({ connectionString: throughProxy(proxy), max: 2 });
    // pg emits an idle client's failure on the pool; unheard it would crash the process.
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
      proxy.cut();
      await expect(pool.query('SELECT 1')).rejects.toThrow();
      proxy.restore();
      expect((await pool.query('SELECT 2 AS n')).rows).toEqual([{ n: 2 }]);
      expect(proxy.accepted).toBeGreaterThanOrEqual(2);
    } finally {
      await pool.end();
    }
  });

  it('close: resets what is open and frees its port', async () => {
    const client = new Client({ connectionString: throughProxy(proxy) });
    client.on('error', () => undefined);
    await client.connect();
    const port = proxy.port;
    await proxy.close();
    await expect(client.query('SELECT 1')).rejects.toThrow();
    // The port is free again: a new proxy may listen there (service-before-kafka opens one on a port given in advance).
    proxy = await openTcpProxy(port, TARGET);
    expect(proxy.port).toBe(port);
    await client.end().catch(() => undefined);
  });
});
