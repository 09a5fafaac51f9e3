import { generateSigningKeyPem, hashAuditEntry, sealEntry, signingKeyFromPem, type Signer } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import { admitEntry } from './entry-admission';

const pair = generateSigningKeyPem();
const key = signingKeyFromPem(pair.privateKeyPem);
const signer: Signer = { service: 'prescription', keyId: pair.keyId, publicKeyPem: pair.publicKeyPem, validFrom: '2026-01-01T00:00:00.000Z' };
const entry = sealEntry(
  {
    id: '0190c0de-0000-7000-8000-000000000001',
    occurredAt: '2026-02-01T00:00:00.000Z',
    actor: { id: 'dr', role: 'physician' },
    action: 'prescription.issued',
    subject: 'prescription:0190c0de-0000-7000-8000-000000000002',
    relatedSubjects: [],
    decision: 'ISSUED',
    evidence: {},
    correlationId: 'c',
    service: 'prescription',
    streamVersion: 1,
    prevHash: '0'.repeat(64),
  },
  key,
);
const data = (e: unknown, hash = hashAuditEntry(e as AuditEntry)) => ({ entry: e, hash });

describe('admitEntry', () => {
  it('admits a whole, sealed entry as its canonical text', () => {
    const admission = admitEntry(data(entry), 'prescription:x', [signer]);
    expect(admission).toMatchObject({ ok: true, entry: { entryId: entry.id, streamId: 'prescription:x', chainHash: hashAuditEntry(entry) } });
  });

  it.each<[string, unknown, string]>([
    ['no seal', data({ ...entry, seal: undefined }), 'SEAL_MISSING'],
    ['a changed decision', data({ ...entry, decision: 'CANCELLED' }), 'SEAL_INVALID'],
    ['another service', data({ ...entry, service: 'device-certification' }), 'SIGNER_UNKNOWN'],
    ['a date before the key', data({ ...entry, occurredAt: '2025-12-31T23:59:59.999Z' }), 'SIGNER_NOT_VALID'],
    ['a bad date', data({ ...entry, occurredAt: 'tomorrow' }), 'MALFORMED_ENTRY'],
    ['no hash', { entry }, 'MALFORMED_ENTRY'],
    ['no data', null, 'MALFORMED_ENTRY'],
  ])('refuses %s', (_case, given, reason) => {
    expect(admitEntry(given, 'prescription:x', [signer])).toMatchObject({ ok: false, reason });
  });
});
