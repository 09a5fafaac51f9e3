import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import Redis from 'ioredis';
import { PrivateRedis } from './private-redis';

const client = (url: string) => new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });

describe('PrivateRedis (the machine redis-server binary, a port and directory of its own)', () => {
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  afterAll(() => redis.stop());

  it('answers on a free port that is not the machine Redis', async () => {
    expect(redis.port).not.toBe(6379);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    const c = client(redis.url);
    try {
      await c.connect();
      expect(await c.ping()).toBe('PONG');
      expect(await c.config('GET', 'appendfsync')).toEqual(['appendfsync', 'always']);
    } finally {
      c.disconnect();
    }
  });

  it('keeps every acknowledged write across a SIGKILL and a restart on the same port', async () => {
    const c = client(redis.url);
    await c.connect();
    try {
      await c.set('written-before-the-crash', 'kept');
      await c.rpush('a-list', 'one', 'two');
    } finally {
      c.disconnect();
    }
    await redis.restart('SIGKILL');
    const again = client(redis.url);
    try {
      await again.connect();
      expect(await again.get('written-before-the-crash')).toBe('kept');
      expect(await again.lrange('a-list', 0, -1)).toEqual(['one', 'two']);
    } finally {
      again.disconnect();
    }
  });

  it('while killed nothing answers; started again it does', async () => {
    await redis.kill();
    expect(redis.running).toBe(false);
    // A raw connection (an ioredis client that never connected keeps a timer alive after the test).
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: redis.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe('ECONNREFUSED');
    await redis.startAgain();
    expect(redis.running).toBe(true);
  });

  it('stop removes its directory', async () => {
    const other = await PrivateRedis.start();
    expect(existsSync(other.dir)).toBe(true);
    await other.stop();
    expect(existsSync(other.dir)).toBe(false);
    expect(other.running).toBe(false);
  });
});
