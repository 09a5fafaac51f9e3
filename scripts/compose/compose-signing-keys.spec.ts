import { keyIdOf, signingKeyFromPem } from '@app/audit';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { distributeKeys } from './compose-signing-keys';

const service = (name: string, publishes: string[], consumes: string[] = []): ServiceEntry =>
  ({ name, port: 1, entry: 'x.ts', prefixes: [], topics: { publishes, consumes } }) as unknown as ServiceEntry;
const services = [
  service('gateway', []),
  service('prescription', ['prescription.events.v1', 'audit.entries.v1']),
  service('patients', ['patients.events.v1', 'audit.entries.v1']),
  service('audit-ledger', ['audit.alerts.v1'], ['audit.entries.v1']),
];

describe('compose signing-keys one-shot (each service its own key files, in its own directory)', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'compose-keys-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const run = () =>
    distributeKeys(services, { store: join(root, 'store'), outRoot: join(root, 'out'), uid: process.getuid!(), gid: process.getgid!() });
  const read = (name: string, file: string) => readFileSync(join(root, 'out', name, file), 'utf8');

  it("gives each audit writer only its own key (mode 0600) and the ledger the writers' public keys; the gateway nothing", async () => {
    const given = await run();
    expect(Object.fromEntries(given)).toEqual({
      prescription: ['audit-signing-key.pem'],
      patients: ['audit-signing-key.pem'],
      'audit-ledger': ['audit-signers.json'],
    });
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['audit-ledger', 'patients', 'prescription']);
    expect(readdirSync(join(root, 'out', 'prescription'))).toEqual(['audit-signing-key.pem']);
    expect(statSync(join(root, 'out', 'prescription', 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
    const prescriptionKey = signingKeyFromPem(read('prescription', 'audit-signing-key.pem'));
    const signers = JSON.parse(read('audit-ledger', 'audit-signers.json')) as Array<{ service: string; publicKeyPem: string }>;
    expect(signers.map((s) => s.service)).toEqual(['prescription', 'patients']);
    expect(keyIdOf(signers[0].publicKeyPem)).toBe(prescriptionKey.keyId);
    expect(read('patients', 'audit-signing-key.pem')).not.toBe(read('prescription', 'audit-signing-key.pem'));
  });

  it('reuses the keys of the store on the next up: entries sealed before keep verifying', async () => {
    await run();
    const before = read('prescription', 'audit-signing-key.pem');
    const signersBefore = read('audit-ledger', 'audit-signers.json');
    rmSync(join(root, 'out'), { recursive: true });
    await run();
    expect(read('prescription', 'audit-signing-key.pem')).toBe(before);
    expect(read('audit-ledger', 'audit-signers.json')).toBe(signersBefore);
  });
});
