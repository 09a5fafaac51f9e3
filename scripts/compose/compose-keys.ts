import { TOPICS } from '@app/contracts';
import type { ServiceEntry } from '../../apps/gateway/src/registry';

/**
 * The audit seal files of docker-compose.yml. The one-shot `signing-keys`
 * (compose-signing-keys.ts) makes them with npm start's own code
 * (scripts/platform/secrets/signing-keys.ts) and copies each service's into
 * that service's own volume `keys-<name>`, mounted read-only at KEYS_DIR in
 * its container and in no other: no service sees another's private key.
 * - a service that publishes audit.entries.v1: its Ed25519 key, AUDIT_SIGNING_KEY_FILE;
 * - the one that consumes it (the ledger): the writers' public keys, AUDIT_SIGNERS_FILE.
 */
export const KEYS_DIR = '/run/connected-health/keys';

/** Where the one-shot mounts the volume of each service (`<root>/<name>`). */
export const KEYS_OUT_ROOT = '/run/connected-health/out';

/** The one-shot's own store of every key and signers.json (npm start's layout), mounted in no service. */
export const KEYS_STORE = '/var/lib/connected-health/signing-keys-store';

const FILE_NAMES = {
  AUDIT_SIGNING_KEY_FILE: 'audit-signing-key.pem',
  AUDIT_SIGNERS_FILE: 'audit-signers.json',
} as const;
export type KeyFileVariable = keyof typeof FILE_NAMES;

/** The key file variables of a service, with the file's name in its KEYS_DIR; empty for a service that seals nothing and checks no seal. */
export function keyFilesOf(service: Pick<ServiceEntry, 'topics'>): Partial<Record<KeyFileVariable, string>> {
  const files: Partial<Record<KeyFileVariable, string>> = {};
  if (service.topics.publishes.includes(TOPICS.auditEntries)) files.AUDIT_SIGNING_KEY_FILE = FILE_NAMES.AUDIT_SIGNING_KEY_FILE;
  if (service.topics.consumes.includes(TOPICS.auditEntries)) files.AUDIT_SIGNERS_FILE = FILE_NAMES.AUDIT_SIGNERS_FILE;
  return files;
}

export const keysVolumeOf = (serviceName: string): string => `keys-${serviceName}`;
