import { generateSigningKeyPem } from '@app/audit';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditSigningKeyOf } from './audit-signing-key';
import { ConfigError } from './config-error';

const pair = generateSigningKeyPem();

describe('auditSigningKeyOf', () => {
  it('reads the key inline (literal \\n allowed) or from a mounted file', () => {
    expect(auditSigningKeyOf({ AUDIT_SIGNING_KEY: pair.privateKeyPem.replace(/\n/g, '\\n') }).keyId).toBe(pair.keyId);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'seal-')), 'key.pem');
    writeFileSync(file, pair.privateKeyPem);
    expect(auditSigningKeyOf({ AUDIT_SIGNING_KEY_FILE: file }).keyId).toBe(pair.keyId);
  });

  it.each([
    [{}, /AUDIT_SIGNING_KEY \(or AUDIT_SIGNING_KEY_FILE\) is required/],
    [{ AUDIT_SIGNING_KEY: pair.publicKeyPem }, /AUDIT_SIGNING_KEY must be an Ed25519 private key/],
    [{ AUDIT_SIGNING_KEY_FILE: '/nonexistent/key.pem' }, /AUDIT_SIGNING_KEY_FILE cannot be read \(ENOENT\)/],
    [{ AUDIT_SIGNING_KEY: pair.privateKeyPem, AUDIT_SIGNING_KEY_FILE: '/k' }, /both set/],
  ])('refuses %j with a ConfigError naming the variable', (config, message) => {
    let error: unknown;
    try {
      auditSigningKeyOf(config);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    // Never the key material itself.
    for (const pem of [pair.privateKeyPem, pair.publicKeyPem]) expect((error as Error).message).not.toContain(pem.split('\n')[1]);
  });
});
