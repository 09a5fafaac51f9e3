import path from 'node:path';
import type { GatewayConfig } from '../gateway.config';

/** apps/console/dist beside this app, in a checkout as in the image (both keep the repository's layout). */
export const consoleDir = (config: Pick<GatewayConfig, 'CONSOLE_DIR'>): string =>
  path.resolve(config.CONSOLE_DIR ?? path.join(__dirname, '..', '..', '..', 'console', 'dist'));
