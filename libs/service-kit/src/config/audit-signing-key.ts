import { signingKeyFromPem, type Ed25519SigningKey } from '@app/audit';
import { ConfigError } from './config-error';
import { inlineOrFile } from './inline-or-file';
import type { PlatformConfig } from './platform-config.schema';

/**
 * The key that seals the service's audit entries, from AUDIT_SIGNING_KEY (a
 * PKCS#8 PEM, literal `\n` allowed) or AUDIT_SIGNING_KEY_FILE (a mounted
 * secret). Read once at start-up; there is no default: an entry sealed by a
 * key anyone can read would prove nothing. Messages never echo the key.
 */
export function auditSigningKeyOf(config: Pick<PlatformConfig, 'AUDIT_SIGNING_KEY' | 'AUDIT_SIGNING_KEY_FILE'>): Ed25519SigningKey {
  const { text: pem, from: name } = inlineOrFile(
    config,
    'AUDIT_SIGNING_KEY',
    "AUDIT_SIGNING_KEY (or AUDIT_SIGNING_KEY_FILE) is required: the Ed25519 key that seals this service's audit entries",
  );
  try {
    return signingKeyFromPem(pem);
  } catch {
    throw new ConfigError([`${name} must be an Ed25519 private key in PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----")`]);
  }
}
