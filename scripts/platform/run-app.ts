/**
 * Container entry point: `APP=<name>` picks a service of services.json and
 * runs its entry in this process, so the image needs no per-app command.
 */
import { resolve } from 'node:path';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from './repo-root';

const name = process.env.APP;
const service = loadServiceRegistry().find((s) => s.name === name);
if (!service) {
  console.error(`APP must name a service of services.json; got ${name === undefined ? 'nothing' : `"${name}"`}`);
  process.exit(2);
}
process.env.PORT ??= String(service.port);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(resolve(REPO_ROOT, service.entry));
