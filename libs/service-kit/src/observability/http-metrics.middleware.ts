import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { HttpMetrics } from './http-metrics';

/** Times every request; the route label is the matched pattern (`/v1/devices/:id`) or `unmatched`. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.observe(request.method, routeOf(request), response.statusCode, seconds);
    });
    next();
  }
}

/**
 * Nest mounts middleware as catch-all routes (`/{*path}`), which stay in
 * `req.route` when no handler matched: a wildcard pattern counts as unmatched,
 * which also keeps raw paths out of the labels.
 */
function routeOf(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern !== 'string' || pattern.includes('*')) return 'unmatched';
  return `${request.baseUrl ?? ''}${pattern}`;
}
