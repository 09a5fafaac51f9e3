import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { keepConnectionsAlive } from '../http/keep-alive';
import { JSON_BODY_LIMIT_BYTES } from '../http/request-limits';
import { setupOpenApi } from '../observability/openapi';

/**
 * What lives on the application rather than in a module: the JSON logger for
 * Nest's own messages, the JSON body limit and OpenAPI. Tests call it on the
 * app they create so they serve what `bootstrapService` serves. Call it before
 * `init()` / `listen()`.
 */
export function configureServiceApp(app: INestApplication, service: string): void {
  app.useLogger(app.get(Logger));
  useJsonBodyLimit(app);
  const instance = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  instance.disable?.('x-powered-by');
  keepConnectionsAlive(app.getHttpServer());
  setupOpenApi(app, service);
}

/**
 * Nest registers express.json() with body-parser's 100 kB default at `init()`,
 * unless a parser named `jsonParser` is already mounted (ExpressAdapter
 * `registerParserMiddleware` checks the router stack by name): mounting ours
 * first makes it the only JSON parser, with the limit API.md gives. A larger
 * body is body-parser's 413, which the exception filter answers as
 * `REQUEST.TOO_LARGE`.
 */
function useJsonBodyLimit(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
}
