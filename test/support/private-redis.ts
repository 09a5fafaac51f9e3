import { freePort } from '@app/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The machine's Redis: a private one never takes its port. */
const MACHINE_REDIS_PORT = 6379;
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * A redis-server of a test's own (the binary of the machine), on a free
 * loopback port with a temporary directory. Its append-only file is synced at
 * every write, so it can be killed and started again with nothing acknowledged
 * lost: what a restarted Redis in production, persisting, gives back. The
 * machine's Redis (6379) is never touched.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  static async start(): Promise<PrivateRedis> {
    const port = await freePort();
    if (port === MACHINE_REDIS_PORT) throw new Error('refusing the port of the machine Redis');
    const redis = new PrivateRedis(port, mkdtempSync(join(tmpdir(), 'private-redis-')));
    try {
      await redis.startAgain();
    } catch (error) {
      rmSync(redis.dir, { recursive: true, force: true });
      throw error;
    }
    return redis;
  }

  /** Starts it again on the same port and directory (its data reloaded from the append-only file); waits until it answers. */
  async startAgain(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      'redis-server',
      [
        '--port', String(this.port),
        '--bind', '127.0.0.1',
        '--dir', this.dir,
        '--appendonly', 'yes',
        '--appendfsync', 'always',
        // The append-only file alone: no snapshot on shutdown that would hide what it kept.
        '--save', '',
        '--logfile', join(this.dir, 'redis.log'),
        '--daemonize', 'no',
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    // A test process that dies leaves no server behind.
    const orphanGuard = () => child.kill('SIGKILL');
    process.once('exit', orphanGuard);
    child.once('exit', () => process.off('exit', orphanGuard));
    await this.waitForPong();
  }

  /** Stops it (SIGKILL by default: a crash; SIGTERM: a clean shutdown) and waits for the exit. Its data stays. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await withTimeout(exited, STOP_TIMEOUT_MS, `redis-server on ${this.port} did not exit after ${signal}`);
    this.child = null;
  }

  /** Killed and started again, its data kept. */
  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.kill(signal);
    await this.startAgain();
  }

  /** Its log so far (for a failure message). */
  log(): string {
    try {
      return readFileSync(join(this.dir, 'redis.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Stops it and removes its directory. */
  async stop(): Promise<void> {
    await this.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Until PING answers PONG (not LOADING while the append-only file is read back). */
  private async waitForPong(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`redis-server on ${this.port} exited at start:\n${this.log().slice(-2_000)}`);
      if ((await ping(this.port)) === '+PONG') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`redis-server on ${this.port} did not answer within ${START_TIMEOUT_MS} ms:\n${this.log().slice(-2_000)}`);
  }
}

/** One PING over a raw connection: the first line of the answer, or '' when nothing answers. */
function ping(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (line: string) => {
      socket.destroy();
      resolve(line);
    };
    socket.setTimeout(1_000, () => done(''));
    socket.on('error', () => done(''));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.split('\r\n')[0]);
    });
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
