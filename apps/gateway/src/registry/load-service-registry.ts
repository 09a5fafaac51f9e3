import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseServiceRegistry, type ServiceEntry, ServiceRegistryError } from './service-registry';

/** The repository root's services.json, found from this file so any cwd works. */
export const DEFAULT_SERVICES_FILE = resolve(__dirname, '../../../../services.json');

export const servicesFilePath = (env: NodeJS.ProcessEnv = process.env): string =>
  resolve(env.SERVICES_FILE || DEFAULT_SERVICES_FILE);

export function loadServiceRegistry(file: string = servicesFilePath()): ServiceEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ServiceRegistryError(`Cannot read ${file} (SERVICES_FILE): ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ServiceRegistryError(`Invalid ${file}: not JSON (${(error as Error).message})`);
  }
  return parseServiceRegistry(raw, file);
}
