import { ConfigError } from '@app/service-kit';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseTariffTable, type TariffTable } from '../domain/tariffs/tariff-table';

/** The repository's root, from this file's place (apps/claims/src/tariffs). */
const REPOSITORY_ROOT = resolve(__dirname, '../../../..');

export const tariffsPath = (file: string): string => (isAbsolute(file) ? file : resolve(REPOSITORY_ROOT, file));

/**
 * Reads and checks the tariff table once, at start-up: a missing file, bad
 * JSON or a wrong field stops the service with a message naming TARIFFS_FILE
 * (and the field), like any other bad setting.
 */
export function loadTariffFile(file: string): TariffTable {
  const path = tariffsPath(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError([`TARIFFS_FILE ${path} cannot be read as JSON: ${(error as Error).message}`]);
  }
  try {
    return parseTariffTable(json);
  } catch (error) {
    throw new ConfigError([`TARIFFS_FILE ${path} is not a valid tariff table: ${(error as Error).message}`]);
  }
}
