import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

const LEASES_DIR = join(tmpdir(), 'connected-health-local-platform');
// Database 0 is the one `npm start` and the in-process tests use: platforms take 1..15.
const FIRST_DB = 1;
const LAST_DB = 15;

/**
 * Every service's BullMQ queues are named `bull:<service>:*`: two platforms
 * on one Redis database would run each other's jobs against the wrong
 * Postgres database. So each platform leases a database number of the
 * machine's Redis for its life (a directory holding its pid; a dead holder's
 * lease is taken over) and clears its own queue keys before and after.
 */
export class RedisLease {
  private constructor(
    readonly url: string,
    private readonly dir: string,
  ) {}

  static async acquire(base = 'redis://127.0.0.1:6379'): Promise<RedisLease> {
    mkdirSync(LEASES_DIR, { recursive: true });
    for (let db = FIRST_DB; db <= LAST_DB; db += 1) {
      const dir = join(LEASES_DIR, `redis-db-${db}`);
      if (!take(dir)) continue;
      const lease = new RedisLease(`${base.replace(/\/\d*$/, '')}/${db}`, dir);
      await lease.clearQueues();
      return lease;
    }
    throw new Error(`every Redis database ${FIRST_DB}..${LAST_DB} is leased by a running LocalPlatform`);
  }

  /** Removes the leftover BullMQ keys of this database (ours only: `bull:*`). */
  async clearQueues(): Promise<void> {
    const redis = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', 'bull:*', 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }

  async release(): Promise<void> {
    await this.clearQueues().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function take(dir: string): boolean {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (holderAlive(dir)) return false;
    rmSync(dir, { recursive: true, force: true });
    try {
      mkdirSync(dir);
    } catch {
      return false;
    }
  }
  writeFileSync(join(dir, 'owner'), String(process.pid));
  return true;
}

function holderAlive(dir: string): boolean {
  try {
    process.kill(Number(readFileSync(join(dir, 'owner'), 'utf8')), 0);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM') return true;
    // No owner file: a holder writing it right now, unless it died between its mkdir and its write.
    if (code === 'ENOENT') return Date.now() - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 10_000;
    return false;
  }
}
