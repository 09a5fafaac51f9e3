import { envInteger, envString, envUrl, extendConfig } from '@app/service-kit';
import { envOriginList } from './security/cors-origins';

/**
 * The platform settings plus the gateway's own. (SERVICES_FILE, the path of
 * services.json, is read by `servicesFilePath`, which `npm start` shares.)
 */
export const loadGatewayConfig = extendConfig({
  /** How long one service may take to answer /health/ready before it counts as not ready. */
  READINESS_TIMEOUT_MS: envInteger(100, 60_000).default(2_000),
  /** How long a proxied request may wait for the service's answer. */
  PROXY_TIMEOUT_MS: envInteger(1_000, 600_000).default(60_000),
  /** Requests one caller may make in a minute (its token's `sub`, or its address without a valid token), shared by every replica through Redis. */
  RATE_LIMIT_PER_MINUTE: envInteger(1, 1_000_000_000).default(600),
  /** Where the counts live in REDIS_URL: replicas that share it share the counts; another environment on the same Redis takes another prefix. */
  RATE_LIMIT_KEY_PREFIX: envString()
    .regex(/^[A-Za-z0-9:._-]{1,100}$/, { error: 'must be 1 to 100 letters, digits or : . _ -' })
    .default('gateway:rate-limit:'),
  /** Browser origins allowed by CORS; none by default (no Access-Control-Allow-Origin for anyone). */
  CORS_ORIGINS: envOriginList().default([]),
  /**
   * Proxies in front of the gateway whose X-Forwarded-For is trusted (an
   * Ingress: 1). 0 takes the socket's address: behind a proxy every caller
   * without a token would then share one address, hence one budget.
   */
  TRUST_PROXY_HOPS: envInteger(0, 10).default(0),
  /** The built web console (`npm run console:build`), served at `/`; unset = apps/console/dist of this checkout or image. */
  CONSOLE_DIR: envString().optional(),
  /**
   * The console's production sign-in: an OpenID Connect provider whose access
   * tokens carry the platform's claims (API.md "Authentication") and verify
   * under JWT_JWKS_URL. Unset = no OIDC sign-in offered. The three go together.
   */
  CONSOLE_OIDC_AUTHORITY: envUrl(['https:', 'http:']).optional(),
  CONSOLE_OIDC_CLIENT_ID: envString().optional(),
  CONSOLE_OIDC_SCOPE: envString().default('openid profile'),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
