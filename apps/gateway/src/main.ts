import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';
import { GATEWAY_SERVICE_NAME } from './gateway.module';
import { loadServiceRegistry, servicesFilePath } from './registry';

/**
 * Starts like every service (service-kit's `bootstrapService`: a bad setting
 * or services.json stops it with exit code 1 and a message naming it), but
 * with the gateway's own app (see createGatewayApp).
 */
async function main(): Promise<{ app: INestApplication; port: number }> {
  const config = loadGatewayConfig(process.env, { defaultPort: 3000 });
  const services = loadServiceRegistry(servicesFilePath(process.env));
  const app = await createGatewayApp(config, services);
  app.enableShutdownHooks();
  await app.listen(config.PORT);
  return { app, port: config.PORT };
}

main().then(
  ({ app, port }) =>
    app.get(Logger).log(`${GATEWAY_SERVICE_NAME} listening on http://127.0.0.1:${port} (API index at /docs)`, 'Bootstrap'),
  (error: unknown) => {
    // The JSON logger may not exist yet: say why plainly where an operator looks.
    process.stderr.write(`${GATEWAY_SERVICE_NAME} could not start: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
