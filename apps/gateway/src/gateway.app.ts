import type { DestinationStream } from 'pino';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { GatewayConfig } from './gateway.config';
import { consoleConfig, consoleConnectSources } from './console/console-config';
import { GatewayModule } from './gateway.module';
import { edgeCorrelation } from './proxy/edge-correlation';
import { corsOptions } from './security/cors-options';
import { securityHeaders } from './security/security-headers';
import type { ServiceEntry } from './registry';

/**
 * The gateway application, not yet listening. Like service-kit's
 * `configureServiceApp` but for two differences that are the gateway's job:
 * no body parser (proxied bodies must reach the services byte for byte) and
 * no Swagger UI at /docs (there the gateway indexes every service's document),
 * and the client's correlation id set aside before anything reads it. It is
 * also the public edge: security headers and CORS on every answer (set
 * before the proxy, so proxied answers carry them), and the rate limit
 * (GatewayModule's first middleware).
 */
export async function createGatewayApp(
  config: GatewayConfig,
  services: ServiceEntry[],
  env: NodeJS.ProcessEnv = process.env,
  /** Where the logs go instead of stdout (a test that reads them). */
  logDestination?: DestinationStream,
): Promise<INestApplication> {
  const app = await NestFactory.create(GatewayModule.forRoot(config, services, env, logDestination), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  // Registered now, so it runs before every module middleware (the request logger included), added at init.
  app.use(edgeCorrelation);
  app.use(securityHeaders(consoleConnectSources(consoleConfig(config))));
  // A listed origin's preflight is answered here, before the rate limit and the proxy.
  const cors = corsOptions(config.CORS_ORIGINS);
  if (cors) app.enableCors(cors);
  app.useLogger(app.get(Logger));
  const instance = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void; set?: (setting: string, value: unknown) => void };
  instance.disable?.('x-powered-by');
  // req.ip is then the client's address as the trusted proxies give it (the per-address rate limit).
  if (config.TRUST_PROXY_HOPS > 0) instance.set?.('trust proxy', config.TRUST_PROXY_HOPS);
  return app;
}
