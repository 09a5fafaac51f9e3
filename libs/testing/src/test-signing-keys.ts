import { generateSigningKeyPem, signingKeyFromPem, type Ed25519SigningKey, type Signer } from '@app/audit';

/** A writer's key in tests: the parsed key, its PEM (for AUDIT_SIGNING_KEY) and its signer registry entry. */
export interface TestSigningKey {
  signingKey: Ed25519SigningKey;
  privateKeyPem: string;
  signer: Signer;
}

/** Valid long before any moved test clock: validity is tested with keys of their own. */
const TEST_VALID_FROM = '2000-01-01T00:00:00.000Z';
const keys = new Map<string, TestSigningKey>();

/**
 * One key per service and test file (jest gives each file its own modules):
 * the service's test app seals with it and the ledger's test app trusts it,
 * so both sides agree without a key in the repository.
 */
export function testSigningKey(service: string): TestSigningKey {
  let key = keys.get(service);
  if (!key) {
    const pair = generateSigningKeyPem();
    key = {
      signingKey: signingKeyFromPem(pair.privateKeyPem),
      privateKeyPem: pair.privateKeyPem,
      signer: { service, keyId: pair.keyId, publicKeyPem: pair.publicKeyPem, validFrom: TEST_VALID_FROM },
    };
    keys.set(service, key);
  }
  return key;
}

/** The registry entries of these services' test keys. */
export const testSigners = (services: readonly string[]): Signer[] => services.map((service) => testSigningKey(service).signer);
