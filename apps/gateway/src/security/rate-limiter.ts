import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MemoryStore, rateLimit, type RateLimitInfo, type RateLimitRequestHandler } from 'express-rate-limit';
import Redis from 'ioredis';
import { RedisStore } from 'rate-limit-redis';
import { ERROR_CODES } from '@app/contracts';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import type { GatewayConfig } from '../gateway.config';
import { writeErrorBody } from '../proxy/error-response';
import { FailoverStore } from './failover-store';
import { redisScriptCommands } from './redis-script-commands';
import { retryAfterSeconds } from './retry-after';
import { SharedCountNotices } from './shared-count-notices';

export const RATE_LIMIT_WINDOW_MS = 60_000;
/** Where RateLimitMiddleware puts the request's key (see rateLimitKey). */
export const RATE_LIMIT_KEY = Symbol('rateLimitKey');
export type KeyedRequest = Request & { [RATE_LIMIT_KEY]?: string; rateLimit?: RateLimitInfo };

/** How long start-up waits for Redis before serving anyway (counting locally until it answers). */
const READY_WAIT_MS = 2_000;

/**
 * express-rate-limit over rate-limit-redis: a fixed window of one minute per
 * key, counted in REDIS_URL under RATE_LIMIT_KEY_PREFIX so every gateway
 * replica shares it. When Redis does not answer, the gateway fails over to
 * counting per replica (FailoverStore), with a logged warning, never a 500.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnApplicationShutdown {
  readonly handle: RateLimitRequestHandler;
  private readonly redis: Redis;
  private readonly store: FailoverStore;
  private readonly logger = new Logger('RateLimit');

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.redis = new Redis(config.REDIS_URL, {
      connectionName: 'gateway-rate-limit',
      // While disconnected a count fails at once (and is counted locally) instead of queueing behind the reconnection.
      enableOfflineQueue: false,
      // A count in flight when the connection drops fails now; it is not replayed later.
      maxRetriesPerRequest: 0,
      // A Redis that accepts but does not answer delays a request by at most this.
      commandTimeout: 500,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      // How long shutdown waits for the socket to close (ioredis's 2 s timer outlives a socket that never connected).
      disconnectTimeout: 200,
    });
    // Failures surface through the counts (FailoverStore), logged there at a bounded rate.
    this.redis.on('error', () => undefined);
    const shared = new RedisStore({ sendCommand: redisScriptCommands(this.redis), prefix: config.RATE_LIMIT_KEY_PREFIX });
    this.store = new FailoverStore(shared, new MemoryStore(), new SharedCountNotices(this.logger));
    this.handle = rateLimit({
      windowMs: RATE_LIMIT_WINDOW_MS,
      limit: config.RATE_LIMIT_PER_MINUTE,
      store: this.store,
      keyGenerator: (req) => (req as KeyedRequest)[RATE_LIMIT_KEY] ?? 'unkeyed',
      // RateLimit and RateLimit-Policy (IETF draft 7) on every counted answer; Retry-After on the 429.
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (req, res) => refuse(req as KeyedRequest, res),
      logger: { warn: (error, message) => this.logger.warn(`${message ?? ''} ${String(error)}`), error: (error, message) => this.logger.error(`${message ?? ''} ${String(error)}`) },
    });
  }

  /** Serves once Redis is ready, or after READY_WAIT_MS without it (the first failed count then tells the operator). */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, READY_WAIT_MS);
      this.redis.once('ready', done);
    });
  }

  onApplicationShutdown(): void {
    this.store.shutdown();
    this.redis.disconnect();
  }
}

/** 429 in the API's error format, with when to come back. */
function refuse(req: KeyedRequest, res: Response): void {
  const info = req.rateLimit;
  const seconds = retryAfterSeconds(info?.resetTime, Date.now(), RATE_LIMIT_WINDOW_MS);
  const who = req[RATE_LIMIT_KEY]?.startsWith('sub:') ? 'this token' : 'this address';
  res.setHeader('retry-after', String(seconds));
  writeErrorBody(res, 429, ERROR_CODES.rateLimited, `Too many requests from ${who}: at most ${info?.limit ?? 'the limit'} a minute; retry in ${seconds} s`, req.originalUrl);
}
