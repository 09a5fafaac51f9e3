import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '../config/config-error';
import { loadPlatformConfig } from '../config/load-platform-config';
import { configureServiceApp } from './configure-service-app';

export interface BootstrapOptions {
  name: string;
  defaultPort: number;
}

/**
 * Starts a service: validates the configuration (a bad variable stops the
 * process with a message naming it, exit code 1), creates the Nest app with
 * everything of the service-kit, closes it cleanly on SIGTERM / SIGINT, and
 * listens on PORT.
 */
export async function bootstrapService(appModule: Type<unknown>, options: BootstrapOptions): Promise<INestApplication> {
  try {
    const config = loadPlatformConfig(process.env, { defaultPort: options.defaultPort });
    const app = await NestFactory.create(appModule, { bufferLogs: true, abortOnError: false });
    configureServiceApp(app, options.name);
    app.enableShutdownHooks();
    await app.listen(config.PORT);
    app.get(Logger).log(`${options.name} listening on http://127.0.0.1:${config.PORT} (OpenAPI at /docs)`, 'Bootstrap');
    return app;
  } catch (error) {
    return exitOnStartupFailure(options.name, error);
  }
}

function exitOnStartupFailure(service: string, error: unknown): never {
  // The JSON logger may not exist yet: write the reason plainly where an operator looks.
  const reason = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${service} could not start: ${reason}\n`);
  process.exit(1);
}
