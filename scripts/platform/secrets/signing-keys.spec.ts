import { checkEntrySeal, keyIdOf, sealEntry, signingKeyFromPem } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceEntry } from '../../../apps/gateway/src/registry';
import { serviceEnvironments } from '../service-env';
import { signingKeysContributor, signingKeysDir, type SignerFileEntry } from './signing-keys';

const service = (name: string, publishes: string[], consumes: string[] = []): ServiceEntry =>
  ({ name, port: 1, entry: 'x.ts', prefixes: [], topics: { publishes, consumes } }) as unknown as ServiceEntry;
const services = [
  service('gateway', []),
  service('device-certification', ['device-certification.events.v1', 'audit.entries.v1']),
  service('prescription', ['prescription.events.v1', 'audit.entries.v1'], ['device-certification.events.v1']),
  service('audit-ledger', ['audit.alerts.v1'], ['audit.entries.v1']),
];

describe('npm start signing keys (scripts/platform/secrets/signing-keys.ts)', () => {
  let home: string;
  beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'signing-keys-'))));
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const start = (at: string, env: NodeJS.ProcessEnv = {}) =>
    serviceEnvironments(services, {}, [signingKeysContributor({ XDG_CONFIG_HOME: home, ...env }, () => new Date(at))]);
  const signersOf = (envs: Map<string, NodeJS.ProcessEnv>): SignerFileEntry[] =>
    JSON.parse(readFileSync(envs.get('audit-ledger')!.AUDIT_SIGNERS_FILE!, 'utf8'));

  it('gives each audit writer only its own key file, outside the repo with mode 0600, and the ledger the signers', async () => {
    const envs = await start('2026-03-01T10:00:00.000Z');
    const dir = signingKeysDir({ XDG_CONFIG_HOME: home });
    expect(envs.get('device-certification')).toEqual({ AUDIT_SIGNING_KEY_FILE: join(dir, 'device-certification.pem') });
    expect(envs.get('prescription')).toEqual({ AUDIT_SIGNING_KEY_FILE: join(dir, 'prescription.pem') });
    expect(envs.get('gateway')).toEqual({});
    expect(envs.get('audit-ledger')).toEqual({ AUDIT_SIGNERS_FILE: join(dir, 'signers.json') });
    expect(statSync(join(dir, 'prescription.pem')).mode & 0o777).toBe(0o600);
    const signers = signersOf(envs);
    expect(signers.map((s) => [s.service, s.validFrom, s.validUntil])).toEqual([
      ['device-certification', '2026-03-01T10:00:00.000Z', undefined],
      ['prescription', '2026-03-01T10:00:00.000Z', undefined],
    ]);
    const key = signingKeyFromPem(readFileSync(join(dir, 'prescription.pem'), 'utf8'));
    expect(keyIdOf(signers[1].publicKeyPem)).toBe(key.keyId);
  });

  it('reuses the keys on later starts', async () => {
    const first = await start('2026-03-01T10:00:00.000Z');
    const pem = readFileSync(first.get('prescription')!.AUDIT_SIGNING_KEY_FILE!, 'utf8');
    const again = await start('2026-03-02T10:00:00.000Z');
    expect(readFileSync(again.get('prescription')!.AUDIT_SIGNING_KEY_FILE!, 'utf8')).toBe(pem);
    expect(signersOf(again)).toEqual(signersOf(first));
  });

  it('keeps verifying entries dated by a clock moved back, and forward', async () => {
    await start('2026-03-01T10:00:00.000Z');
    const envs = await start('2026-03-01T11:00:00.000Z', { CLOCK_OFFSET: '-2h' });
    const signers = signersOf(envs).map((s) => ({ ...s, keyId: keyIdOf(s.publicKeyPem) }));
    expect(signers[1].validFrom).toBe('2026-03-01T09:00:00.000Z');
    const key = signingKeyFromPem(readFileSync(envs.get('prescription')!.AUDIT_SIGNING_KEY_FILE!, 'utf8'));
    for (const occurredAt of ['2026-03-01T09:00:00.000Z', '2026-04-10T11:00:00.000Z']) {
      const entry = sealEntry({ occurredAt, service: 'prescription' } as Omit<AuditEntry, 'seal'>, key);
      expect(checkEntrySeal(entry, signers).ok).toBe(true);
    }
  });

  it('treats a deleted key as a rotation: the old key ends where the new one begins', async () => {
    const first = await start('2026-03-01T10:00:00.000Z');
    rmSync(first.get('prescription')!.AUDIT_SIGNING_KEY_FILE!);
    const rotated = signersOf(await start('2026-03-05T10:00:00.000Z')).filter((s) => s.service === 'prescription');
    expect(rotated.map((s) => [s.validFrom, s.validUntil])).toEqual([
      ['2026-03-01T10:00:00.000Z', '2026-03-05T10:00:00.000Z'],
      ['2026-03-05T10:00:00.000Z', undefined],
    ]);
  });
});
