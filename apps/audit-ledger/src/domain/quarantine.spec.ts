import { createHash } from 'node:crypto';
import { claimsOf, QUARANTINE_RAW_LIMIT, quarantineAlertEnvelope, quarantineRecord } from './quarantine';

const place = { topic: 'audit.entries.v1', partition: 2, offset: '41' };
const now = new Date('2026-03-01T10:00:00.000Z');

describe('quarantine records', () => {
  it('keep small raw bytes, and only the SHA-256 and size of large ones', () => {
    const small = new TextEncoder().encode('{"x":1}');
    const large = new Uint8Array(QUARANTINE_RAW_LIMIT + 1).fill(120);
    const claims = { entryId: null, service: null, streamId: null };
    const kept = quarantineRecord({ id: 'q1', reason: 'UNREADABLE', message: 'm', raw: small, claims, place, now });
    const hashed = quarantineRecord({ id: 'q2', reason: 'UNREADABLE', message: 'm'.repeat(5_000), raw: large, claims, place, now });
    expect(kept).toMatchObject({ raw: small, rawSize: 7, rawSha256: createHash('sha256').update(small).digest('hex'), receivedAt: now.toISOString() });
    expect(hashed).toMatchObject({ raw: null, rawSize: QUARANTINE_RAW_LIMIT + 1, rawSha256: createHash('sha256').update(large).digest('hex') });
    expect(hashed.message).toHaveLength(500);
  });

  it('raise an alert of codes and ids only, never the raw content', () => {
    const raw = new TextEncoder().encode('{"evidence":{"nir":"1850775123456"}}');
    const record = quarantineRecord({ id: 'q3', reason: 'SEAL_MISSING', message: 'no seal', raw, claims: { entryId: 'e', service: 's', streamId: 'st' }, place, now });
    const alert = quarantineAlertEnvelope(record);
    expect(alert).toMatchObject({ id: 'q3', type: 'AuditEntryQuarantined', streamId: 'st', causationId: 'e', data: { reason: 'SEAL_MISSING', offset: '41' } });
    expect(JSON.stringify(alert)).not.toContain('1850775123456');
  });

  it('never carry a NUL or control character, which Postgres would refuse', () => {
    const claims = { entryId: 'e\u0000', service: 'a\u0000b', streamId: 's\n' };
    const record = quarantineRecord({ id: 'q4', reason: 'SIGNER_UNKNOWN', message: 'no signer of "a\u0000b"', raw: new Uint8Array(0), claims, place, now });
    expect(record).toMatchObject({ entryId: 'e?', service: 'a?b', streamId: 's?', message: 'no signer of "a?b"' });
  });

  it('take from a message only short string claims', () => {
    expect(claimsOf({ streamId: 'x'.repeat(201), data: { entry: { id: 'e', service: 42 } } })).toEqual({ entryId: 'e', service: null, streamId: null });
    expect(claimsOf('junk')).toEqual({ entryId: null, service: null, streamId: null });
  });
});
