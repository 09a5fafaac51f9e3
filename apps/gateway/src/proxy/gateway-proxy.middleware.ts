import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { DomainError, ERROR_CODES } from '@app/contracts';
import { JwtVerifier } from '@app/auth';
import { correlationIdFor } from '@app/service-kit';
import type { RequestHandler } from 'http-proxy-middleware';
import { GATEWAY_CONFIG, PROXY_TARGETS } from '../gateway.tokens';
import type { GatewayConfig } from '../gateway.config';
import { verifiedPrincipal } from '../security/verified-principal';
import { decideProxy, ProxyTargets } from './proxy-decision';
import { createUpstreamProxy, ProxiedRequest } from './upstream-proxy';

type GatewayRequest = IncomingMessage & { originalUrl?: string; route?: { path: string } };

/**
 * Routes `/v1/...` to the service owning the prefix after checking that the
 * token is genuine (services check roles and ownership themselves), and
 * `/docs/<service>/json` to that service's OpenAPI document. Everything else
 * falls through to the gateway's own controllers.
 */
@Injectable()
export class GatewayProxyMiddleware implements NestMiddleware {
  private readonly proxy: RequestHandler<ProxiedRequest, ServerResponse>;

  constructor(
    @Inject(PROXY_TARGETS) private readonly targets: ProxyTargets,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly verifier: JwtVerifier,
  ) {
    this.proxy = createUpstreamProxy(config.PROXY_TIMEOUT_MS);
  }

  async use(req: GatewayRequest, res: ServerResponse, next: (error?: unknown) => void): Promise<void> {
    const decision = decideProxy(this.targets, req.originalUrl ?? req.url ?? '/');
    if (decision.kind === 'gateway') return next();
    if (decision.kind === 'not_found') throw new DomainError(ERROR_CODES.notFound, decision.message, 'not_found');
    // Verified once per request: the rate limit, before, already did when a token came.
    if (decision.authenticate) await verifiedPrincipal(req, this.verifier);
    // The gateway's own id (edgeCorrelation set the client's aside), one across its logs and the service's.
    req.headers['x-correlation-id'] = correlationIdFor(req, res);
    // The kit's metrics label requests by matched route; a proxied request matches
    // none, so it is labelled by what routed it, keeping the label set small.
    req.route = { path: decision.label };
    req.url = decision.path;
    const proxied = req as unknown as ProxiedRequest;
    proxied.upstream = { service: decision.service, target: decision.target };
    await this.proxy(proxied, res, next);
  }
}
