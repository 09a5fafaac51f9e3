import { createHash } from 'node:crypto';
import { redisScriptCommands } from './redis-script-commands';

const SCRIPT = 'return redis.call("INCR", KEYS[1])';
const SHA = createHash('sha1').update(SCRIPT).digest('hex');

/** Records what reached "Redis"; knows no script until one is EVALed. */
function fakeRedis() {
  const sent: string[][] = [];
  const known = new Set<string>();
  const call = async (...args: (string | number)[]) => {
    const command = args.map(String);
    sent.push(command);
    if (command[0] === 'EVALSHA' && !known.has(command[1])) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
    if (command[0] === 'EVAL') known.add(createHash('sha1').update(command[1]).digest('hex'));
    if (command[0] === 'GET') throw new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
    return [1, 60_000];
  };
  return { sent, redis: { call } as never };
}

describe("rate-limit-redis's commands over ioredis", () => {
  it('answers SCRIPT LOAD itself, with the SHA1 Redis would give: a Redis away at start-up cannot fail it', async () => {
    const { sent, redis } = fakeRedis();
    expect(await redisScriptCommands(redis)('SCRIPT', 'LOAD', SCRIPT)).toBe(SHA);
    expect(sent).toEqual([]);
  });

  it('sends EVAL with the text when Redis does not know the script (first use, or after a restart), then EVALSHA', async () => {
    const { sent, redis } = fakeRedis();
    const send = redisScriptCommands(redis);
    await send('SCRIPT', 'LOAD', SCRIPT);
    expect(await send('EVALSHA', SHA, '1', 'rl:k', '60000')).toEqual([1, 60_000]);
    await send('EVALSHA', SHA, '1', 'rl:k', '60000');
    expect(sent).toEqual([
      ['EVALSHA', SHA, '1', 'rl:k', '60000'],
      ['EVAL', SCRIPT, '1', 'rl:k', '60000'],
      ['EVALSHA', SHA, '1', 'rl:k', '60000'],
    ]);
  });

  it('passes other errors and commands through unchanged', async () => {
    const { redis } = fakeRedis();
    const send = redisScriptCommands(redis);
    await expect(send('EVALSHA', 'f'.repeat(40), '1', 'k')).rejects.toThrow(/^NOSCRIPT/);
    await expect(send('GET', 'k')).rejects.toThrow(/^WRONGTYPE/);
  });
});
