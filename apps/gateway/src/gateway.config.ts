import { envInteger, extendConfig } from '@app/service-kit';

/**
 * The platform settings plus the gateway's own. (SERVICES_FILE, the path of
 * services.json, is read by `servicesFilePath`, which `npm start` shares.)
 */
export const loadGatewayConfig = extendConfig({
  /** How long one service may take to answer /health/ready before it counts as not ready. */
  READINESS_TIMEOUT_MS: envInteger(100, 60_000).default(2_000),
  /** How long a proxied request may wait for the service's answer. */
  PROXY_TIMEOUT_MS: envInteger(1_000, 600_000).default(60_000),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
