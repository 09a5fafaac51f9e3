import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { JwtVerifier } from '@app/auth';
import { isRateLimitExempt } from './rate-limit-exempt';
import { rateLimitKey } from './rate-limit-key';
import { type KeyedRequest, RATE_LIMIT_KEY, RateLimiter } from './rate-limiter';
import { verifiedPrincipal } from './verified-principal';

/**
 * Counts every request but the exempt ones, before the proxy (so proxied
 * routes are limited, and a refused request never reaches a service). The
 * key is the verified token's `sub`; the token is verified once per request
 * (verifiedPrincipal), the proxy reusing the answer.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly verifier: JwtVerifier,
  ) {}

  async use(req: KeyedRequest, res: Response, next: NextFunction): Promise<void> {
    if (isRateLimitExempt(req.originalUrl ?? req.url)) return next();
    const sub =
      req.headers.authorization === undefined
        ? undefined
        : await verifiedPrincipal(req, this.verifier).then(
            (principal) => principal.sub,
            () => undefined,
          );
    req[RATE_LIMIT_KEY] = rateLimitKey(sub, req.ip);
    await this.limiter.handle(req, res, next);
  }
}
