import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { RedisReply } from 'rate-limit-redis';

/**
 * rate-limit-redis's `sendCommand` over ioredis, with its Lua scripts kept
 * here rather than trusted to Redis's script cache. The store loads its
 * scripts once, at start-up, and keeps the SHA promise: a load that failed
 * (Redis away when the gateway started) would fail every later count. So
 * `SCRIPT LOAD` is answered locally (the SHA1 of the text, which is what
 * Redis answers), and an `EVALSHA` Redis does not know (first use, or Redis
 * restarted and lost its cache) is sent again as `EVAL` with the text.
 */
export function redisScriptCommands(redis: Pick<Redis, 'call'>): (...args: string[]) => Promise<RedisReply> {
  const scripts = new Map<string, string>();
  return async (command, ...args) => {
    const name = command.toUpperCase();
    if (name === 'SCRIPT' && args[0]?.toUpperCase() === 'LOAD' && args.length === 2) {
      const sha = createHash('sha1').update(args[1]).digest('hex');
      scripts.set(sha, args[1]);
      return sha;
    }
    if (name === 'EVALSHA') {
      const [sha, ...rest] = args;
      try {
        return (await redis.call('EVALSHA', sha, ...rest)) as RedisReply;
      } catch (error) {
        const script = scripts.get(sha);
        if (!script || !/^NOSCRIPT/.test((error as Error).message)) throw error;
        return (await redis.call('EVAL', script, ...rest)) as RedisReply;
      }
    }
    return (await redis.call(command, ...args)) as RedisReply;
  };
}
