import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { ERROR_CODES } from '@app/contracts';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';
import { writeErrorBody } from './error-response';
import { createUpstreamAgent } from './upstream-agent';

export interface UpstreamTarget {
  service: string;
  target: string;
}

/** The request as the proxy sees it: the middleware has chosen its upstream. */
export type ProxiedRequest = IncomingMessage & { upstream?: UpstreamTarget };

/**
 * One http-proxy-middleware for every service: the upstream is chosen per
 * request by the gateway middleware. Bodies are piped as they arrive (the
 * gateway has no body parser), and every request header goes through
 * unchanged: Authorization, the gateway's X-Correlation-Id and the client's
 * X-Client-Correlation-Id included. Connections to the services are kept
 * alive and reused (upstream-agent.ts).
 */
export function createUpstreamProxy(timeoutMs: number, agent: Agent = createUpstreamAgent()): RequestHandler<ProxiedRequest, ServerResponse> {
  const logger = new Logger('GatewayProxy');
  return createProxyMiddleware<ProxiedRequest, ServerResponse>({
    router: (req) => req.upstream!.target,
    agent,
    changeOrigin: true,
    xfwd: true,
    proxyTimeout: timeoutMs,
    on: {
      error: (error, req, res) => {
        const service = (req as ProxiedRequest).upstream?.service ?? 'upstream';
        const code = (error as NodeJS.ErrnoException).code ?? error.message;
        logger.warn(`${service} unavailable for ${req.method} ${req.url}: ${code}`);
        if ('writeHead' in res) {
          writeErrorBody(res, 503, ERROR_CODES.dependencyUnavailable, `${service} is unavailable; retry later`, (req as { originalUrl?: string }).originalUrl ?? req.url);
        } else {
          res.destroy();
        }
      },
    },
  });
}
