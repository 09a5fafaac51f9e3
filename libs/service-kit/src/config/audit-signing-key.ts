import { signingKeyFromPem, type Ed25519SigningKey } from '@app/audit';
import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';
import type { PlatformConfig } from './platform-config.schema';

/**
 * The key that seals the service's audit entries, from AUDIT_SIGNING_KEY (a
 * PKCS#8 PEM, literal `\n` allowed) or AUDIT_SIGNING_KEY_FILE (a mounted
 * secret). Read once at start-up; there is no default: an entry sealed by a
 * key anyone can read would prove nothing. Messages never echo the key.
 */
export function auditSigningKeyOf(config: Pick<PlatformConfig, 'AUDIT_SIGNING_KEY' | 'AUDIT_SIGNING_KEY_FILE'>): Ed25519SigningKey {
  const { AUDIT_SIGNING_KEY: inline, AUDIT_SIGNING_KEY_FILE: file } = config;
  if (inline && file) throw new ConfigError(['AUDIT_SIGNING_KEY and AUDIT_SIGNING_KEY_FILE are both set: set one']);
  if (!inline && !file) {
    throw new ConfigError(['AUDIT_SIGNING_KEY (or AUDIT_SIGNING_KEY_FILE) is required: the Ed25519 key that seals this service\'s audit entries']);
  }
  const name = inline ? 'AUDIT_SIGNING_KEY' : 'AUDIT_SIGNING_KEY_FILE';
  let pem: string;
  try {
    pem = inline ?? readFileSync(file!, 'utf8');
  } catch (error) {
    throw new ConfigError([`AUDIT_SIGNING_KEY_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  try {
    return signingKeyFromPem(pem);
  } catch {
    throw new ConfigError([`${name} must be an Ed25519 private key in PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----")`]);
  }
}
