import { ConfigError } from './config-error';
import { DEV_DEFAULTS } from './dev-defaults';
import type { PlatformConfig } from './platform-config.schema';

export type DataKeyName = 'PSEUDONYM_SECRET' | 'ANSWER_ENCRYPTION_KEY' | 'PATIENT_MASTER_KEYS' | 'TEXT_ENCRYPTION_KEY';

const DEVELOPMENT_VALUES: Record<DataKeyName, string> = {
  PSEUDONYM_SECRET: DEV_DEFAULTS.pseudonymSecret,
  ANSWER_ENCRYPTION_KEY: DEV_DEFAULTS.answerEncryptionKey,
  PATIENT_MASTER_KEYS: DEV_DEFAULTS.patientMasterKeys,
  TEXT_ENCRYPTION_KEY: DEV_DEFAULTS.textEncryptionKey,
};

/**
 * The data keys a service declares in its services.json entry (`dataKeys`),
 * because no other part of its entry implies them: its Secret then carries
 * them (scripts/platform/k8s-secrets.ts), and its code asks for them with
 * requireDataKey. ANSWER_ENCRYPTION_KEY follows from having a schema.
 */
export const DECLARED_DATA_KEYS = ['TEXT_ENCRYPTION_KEY'] as const satisfies readonly DataKeyName[];
export type DeclaredDataKey = (typeof DECLARED_DATA_KEYS)[number];

/**
 * A data key, asked for by the code that uses it (at start-up, when its
 * provider is built). In production the service that uses it must be given a
 * real one; a service that never asks (the gateway) holds none, so its
 * Secret carries none (ARCHITECTURE.md "Trust inside the platform").
 */
export function requireDataKey<K extends DataKeyName>(config: Pick<PlatformConfig, 'NODE_ENV' | K>, name: K): string {
  const value = config[name];
  if (config.NODE_ENV === 'production' && value === DEVELOPMENT_VALUES[name]) {
    throw new ConfigError([`${name} is required in production by this service and must not be the development default`]);
  }
  return value;
}
