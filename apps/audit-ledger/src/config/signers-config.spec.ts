import { generateSigningKeyPem } from '@app/audit';
import { ConfigError } from '@app/service-kit';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configuredSigners } from './signers-config';

const a = generateSigningKeyPem();
const b = generateSigningKeyPem();
const entry = { service: 'prescription', publicKeyPem: a.publicKeyPem, validFrom: '2026-01-01T00:00:00.000Z' };

const problemsOf = (config: { AUDIT_SIGNERS?: string; AUDIT_SIGNERS_FILE?: string }): string => {
  try {
    configuredSigners(config);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('configuredSigners (AUDIT_SIGNERS / AUDIT_SIGNERS_FILE)', () => {
  it('reads the registry inline or from a file, deriving each key id from its PEM', () => {
    const list = [entry, { service: 'prescription', publicKeyPem: b.publicKeyPem.replace(/\n/g, '\\n'), validFrom: '2026-02-01T00:00:00.000Z', validUntil: '2026-03-01T00:00:00.000Z' }];
    const inline = configuredSigners({ AUDIT_SIGNERS: JSON.stringify(list) });
    expect(inline.map((s) => s.keyId)).toEqual([a.keyId, b.keyId]);
    expect(inline[1]).toMatchObject({ validUntil: '2026-03-01T00:00:00.000Z', publicKeyPem: b.publicKeyPem });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'signers-')), 'signers.json');
    writeFileSync(file, JSON.stringify(list));
    expect(configuredSigners({ AUDIT_SIGNERS_FILE: file })).toEqual(inline);
  });

  it.each<[string, { AUDIT_SIGNERS?: string; AUDIT_SIGNERS_FILE?: string }, RegExp]>([
    ['nothing', {}, /AUDIT_SIGNERS_FILE \(or AUDIT_SIGNERS\) is required/],
    ['not JSON', { AUDIT_SIGNERS: '[' }, /AUDIT_SIGNERS is not valid JSON/],
    ['a private key', { AUDIT_SIGNERS: JSON.stringify([{ ...entry, publicKeyPem: a.privateKeyPem }]) }, /AUDIT_SIGNERS\[0\.publicKeyPem\] must be an Ed25519 public key/],
    ['a date without ms', { AUDIT_SIGNERS: JSON.stringify([{ ...entry, validFrom: '2026-01-01' }]) }, /AUDIT_SIGNERS\[0\.validFrom\] must be a UTC ISO 8601 date/],
    ['an end before the start', { AUDIT_SIGNERS: JSON.stringify([{ ...entry, validUntil: '2025-01-01T00:00:00.000Z' }]) }, /validUntil must be after validFrom/],
    ['an unknown field', { AUDIT_SIGNERS: JSON.stringify([{ ...entry, keyId: 'x' }]) }, /AUDIT_SIGNERS\[0\]/],
    ['a key twice', { AUDIT_SIGNERS: JSON.stringify([entry, entry]) }, /lists key [0-9a-f]{64} twice/],
    ['a missing file', { AUDIT_SIGNERS_FILE: '/nonexistent/signers.json' }, /AUDIT_SIGNERS_FILE cannot be read \(ENOENT\)/],
  ])('refuses %s, naming the variable', (_case, config, message) => {
    expect(problemsOf(config)).toMatch(message);
  });
});
