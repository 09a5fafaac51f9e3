import { execSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { Client } from 'pg';
import { waitUntil } from './wait-until';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/connected_health';
const REDIS_HOST = '127.0.0.1';
const REDIS_PORT = 6379;
// scripts/ may print: a developer should see what was started for them.
const log = (line: string) => console.log(`[infra] ${line}`);

export const databaseUrl = (): string => process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function postgresAnswers(url = withDatabase(databaseUrl(), 'postgres')): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensurePostgres(): Promise<void> {
  if (await postgresAnswers()) return;
  const version = readdirSync('/etc/postgresql')[0];
  log(`PostgreSQL ${version} is down: starting it`);
  execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
  await waitUntil('PostgreSQL', () => postgresAnswers());
}

/** Creates DATABASE_URL's database when missing (tolerates a concurrent creation). */
export async function ensureDatabase(): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl()).pathname.slice(1));
  if (!name) throw new Error('DATABASE_URL names no database');
  const client = new Client({ connectionString: withDatabase(databaseUrl(), 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    log(`created database ${name}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: REDIS_HOST, port: REDIS_PORT });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}

export async function ensureRedis(): Promise<void> {
  if (await redisAnswers()) return;
  log('Redis is down: starting it');
  const started = spawnSync(
    'redis-server',
    ['--daemonize', 'yes', '--bind', REDIS_HOST, '--port', String(REDIS_PORT), '--save', '', '--appendonly', 'no'],
    { stdio: 'inherit' },
  );
  if (started.status !== 0) throw new Error(`redis-server exited with ${started.status ?? started.error?.message}`);
  await waitUntil('Redis', redisAnswers);
}
