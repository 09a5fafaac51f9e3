import type { DestinationStream } from 'pino';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { edgeCorrelation } from './proxy/edge-correlation';
import type { ServiceEntry } from './registry';

/**
 * The gateway application, not yet listening. Like service-kit's
 * `configureServiceApp` but for two differences that are the gateway's job:
 * no body parser (proxied bodies must reach the services byte for byte) and
 * no Swagger UI at /docs (there the gateway indexes every service's document),
 * and the client's correlation id set aside before anything reads it.
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
  app.useLogger(app.get(Logger));
  const instance = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  instance.disable?.('x-powered-by');
  return app;
}
