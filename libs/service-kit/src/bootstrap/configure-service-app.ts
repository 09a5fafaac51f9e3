import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { setupOpenApi } from '../observability/openapi';

/**
 * What lives on the application rather than in a module: the JSON logger for
 * Nest's own messages and OpenAPI. Tests call it on the app they create so
 * they serve what `bootstrapService` serves.
 */
export function configureServiceApp(app: INestApplication, service: string): void {
  app.useLogger(app.get(Logger));
  const instance = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  instance.disable?.('x-powered-by');
  setupOpenApi(app, service);
}
