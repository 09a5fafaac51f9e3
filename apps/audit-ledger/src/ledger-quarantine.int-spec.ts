import { hashAuditEntry, sealEntry, type ChainedAuditEntry, type Signer } from '@app/audit';
import { TOPICS, type AuditEntry, type SubjectRef } from '@app/contracts';
import { collectMessages, collectorGroupAtEnd, produceMessages, testSigningKey } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { AuditStream, draft, publish } from './testing/audit-stream.fixture';
import { startAuditLedger, tokens, waitFor, type AuditLedgerTestApp } from './testing/audit-ledger.test-app';

jest.setTimeout(120_000);

const vendor = { id: 'vendor-user', role: 'vendor' as const };

/** The ids of a stream's appended entries, in ledger order. */
const appendedIds = async (t: AuditLedgerTestApp, streamId: string): Promise<string[]> =>
  (await t.dataSource.query(`SELECT entry_id FROM ledger_entries WHERE stream_id = $1 ORDER BY index`, [streamId])).map(
    (r: { entry_id: string }) => r.entry_id,
  );
const quarantined = async (t: AuditLedgerTestApp) =>
  (await request(t.app.getHttpServer()).get('/v1/ledger/quarantine?pageSize=200').set('Authorization', tokens.auditor).expect(200)).body as {
    items: Array<{ reason: string; entryId: string | null; rawSize: number; rawSha256: string; rawBase64: string | null; message: string }>;
    total: number;
  };

/** A forged chained entry: correct SHA-256 over what it is, whatever its seal. */
function forged(entry: AuditEntry): ChainedAuditEntry {
  return { entry, hash: hashAuditEntry(entry) };
}

describe('the ledger appends only sealed entries (real Postgres and Kafka)', () => {
  let t: AuditLedgerTestApp;
  beforeAll(async () => {
    t = await startAuditLedger();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('quarantines forged entries with their reason, raises each on audit.alerts.v1, and appends the next genuine entry', async () => {
    const device: SubjectRef = `device:${uuidv7()}`;
    const stream = new AuditStream('device-certification', 'DeviceProduct');
    const genuine = stream.record(draft(vendor, 'device.registered', device, [], 'REGISTERED'));
    const base = (): Omit<AuditEntry, 'seal'> => {
      const { seal: _seal, ...rest } = genuine.entry;
      return { ...rest, id: uuidv7(), decision: 'CERTIFIED' };
    };
    const { seal: _none, ...unsealed } = { ...base(), seal: undefined };
    const noSeal = forged(unsealed as AuditEntry);
    const signed = sealEntry(base(), testSigningKey('device-certification').signingKey);
    const flipped = signed.seal.signature.startsWith('0') ? `1${signed.seal.signature.slice(1)}` : `0${signed.seal.signature.slice(1)}`;
    const wrongSeal = forged({ ...signed, seal: { ...signed.seal, signature: flipped } });
    const otherService = forged(sealEntry(base(), testSigningKey('prescription').signingKey));
    const envelopes = [noSeal, wrongSeal, otherService].map((f) => ({ ...stream.envelope(f), id: uuidv7() }));
    // The next genuine entry, published after the forgeries: it must not wait behind them.
    const next = stream.record(draft(vendor, 'device.submitted', device, [], 'SUBMITTED'));
    const alertsGroup = await collectorGroupAtEnd(TOPICS.auditAlerts);
    await publish(t.topic, stream.id, [...envelopes, stream.envelope(genuine), stream.envelope(next)]);

    await waitFor(async () => (await appendedIds(t, stream.id)).length === 2 || undefined, 'the genuine entries');
    expect(await appendedIds(t, stream.id)).toEqual([genuine.entry.id, next.entry.id]);
    const alerts = await collectMessages(TOPICS.auditAlerts, {
      groupId: alertsGroup,
      until: (messages) => [noSeal, wrongSeal, otherService].every((f) => messages.some((m) => dataOf(m).entryId === f.entry.id)),
    });
    const reasonOf = (f: ChainedAuditEntry) => alerts.map(dataOf).find((d) => d.entryId === f.entry.id)?.reason;
    expect([reasonOf(noSeal), reasonOf(wrongSeal), reasonOf(otherService)]).toEqual(['SEAL_MISSING', 'SEAL_INVALID', 'SIGNER_UNKNOWN']);
    // No personal data in the alert: codes, ids and hashes; never the entry's evidence.
    const alert = alerts.find((m) => dataOf(m).entryId === noSeal.entry.id)!;
    expect(JSON.stringify(alert.value)).not.toContain('"evidence"');

    const { items } = await quarantined(t);
    const row = items.find((i) => i.entryId === otherService.entry.id)!;
    expect(row).toMatchObject({ reason: 'SIGNER_UNKNOWN', message: expect.stringContaining('prescription') });
    expect(Buffer.from(row.rawBase64!, 'base64').toString('utf8')).toContain(otherService.entry.id);
  });

  it('never stalls on malformed messages: a bad date, a missing field, not JSON, 1 MB of junk', async () => {
    const stream = new AuditStream('device-certification', 'DeviceProduct');
    const device: SubjectRef = `device:${uuidv7()}`;
    const first = stream.record(draft(vendor, 'device.registered', device));
    const { correlationId: _c, ...noCorrelation } = first.entry;
    const badDate = { ...stream.envelope(forged({ ...first.entry, id: uuidv7(), occurredAt: '2026-13-45' })), id: uuidv7() };
    const missing = { ...stream.envelope(forged({ ...noCorrelation, id: uuidv7() } as AuditEntry)), id: uuidv7() };
    const junk = 'x'.repeat(1_000_000);
    await publish(t.topic, stream.id, [badDate, missing]);
    await produceMessages(t.topic, [
      { key: stream.id, value: '{"not json' },
      { key: stream.id, value: junk },
    ]);
    const second = stream.record(draft(vendor, 'device.submitted', device));
    await publish(t.topic, stream.id, [stream.envelope(first), stream.envelope(second)]);

    await waitFor(async () => (await appendedIds(t, stream.id)).length === 2 || undefined, 'the genuine entries');
    const items = await waitFor(async () => {
      const { items: all } = await quarantined(t);
      return all.filter((i) => i.reason === 'UNREADABLE').length >= 2 && all.some((i) => i.entryId === missing.data.entry.id) ? all : undefined;
    }, 'the quarantine rows');
    expect(items.find((i) => i.entryId === badDate.data.entry.id)).toMatchObject({ reason: 'MALFORMED_ENTRY', message: expect.stringContaining('occurredAt') });
    expect(items.find((i) => i.entryId === missing.data.entry.id)).toMatchObject({ reason: 'MALFORMED_ENTRY', message: expect.stringContaining('correlationId') });
    const big = items.find((i) => i.rawSize === junk.length)!;
    // Too large to keep: its hash and size name it.
    expect(big).toMatchObject({ reason: 'UNREADABLE', rawBase64: null, rawSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('serves the signer registry to auditors and physicians', async () => {
    const body = (await request(t.app.getHttpServer()).get('/v1/ledger/signers').set('Authorization', tokens.prescriber).expect(200)).body;
    expect(body.items.map((s: Signer) => s.service).sort()).toEqual(['claims', 'device-certification', 'enrolment', 'prescription']);
    expect(body.items[0]).toEqual({ service: expect.any(String), keyId: expect.stringMatching(/^[0-9a-f]{64}$/), publicKeyPem: expect.stringContaining('PUBLIC KEY'), validFrom: expect.any(String) });
    await request(t.app.getHttpServer()).get('/v1/ledger/signers').set('Authorization', tokens.operator).expect(403);
  });
});

describe('a rotated key (real Postgres and Kafka)', () => {
  let t: AuditLedgerTestApp;
  const rotatedAt = new Date(Date.now() - 60_000);
  const oldKey = testSigningKey('device-certification');
  const newKey = testSigningKey('prescription'); // any other key pair: registered below as device-certification's new key
  const signers: Signer[] = [
    { ...oldKey.signer, validFrom: '2020-01-01T00:00:00.000Z', validUntil: rotatedAt.toISOString() },
    { ...newKey.signer, service: 'device-certification', validFrom: rotatedAt.toISOString() },
  ];
  beforeAll(async () => {
    t = await startAuditLedger({ signers });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('appends what the old key sealed before its validUntil, quarantines what it sealed after and what the new key sealed before its validFrom, and takes the new key from then on', async () => {
    const device: SubjectRef = `device:${uuidv7()}`;
    const old = new AuditStream('device-certification', 'DeviceProduct', oldKey.signingKey);
    const before = old.record(draft(vendor, 'device.registered', device), new Date(rotatedAt.getTime() - 1));
    const after = old.record(draft(vendor, 'device.submitted', device), rotatedAt);
    await publish(t.topic, old.id, [old.envelope(before), old.envelope(after)]);

    const fresh = new AuditStream('device-certification', 'DeviceProduct', newKey.signingKey);
    const sealedByNew = fresh.record(draft(vendor, 'device.registered', `device:${uuidv7()}`));
    await publish(t.topic, fresh.id, [fresh.envelope(sealedByNew)]);
    // The new key before its validFrom: not yet valid.
    const early = new AuditStream('device-certification', 'DeviceProduct', newKey.signingKey);
    const tooEarly = early.record(draft(vendor, 'device.registered', `device:${uuidv7()}`), new Date(rotatedAt.getTime() - 1));
    await publish(t.topic, early.id, [early.envelope(tooEarly)]);

    // The streams may sit on different partitions: wait for each, in whatever order they are appended.
    await waitFor(async () => (await appendedIds(t, fresh.id)).length === 1 || undefined, 'the new key’s entry');
    await waitFor(async () => (await appendedIds(t, old.id)).length === 1 || undefined, 'the old key’s entry before its validUntil');
    expect(await appendedIds(t, old.id)).toEqual([before.entry.id]);
    const { items } = await waitFor(async () => {
      const page = await quarantined(t);
      return [after, tooEarly].every((e) => page.items.some((i) => i.entryId === e.entry.id)) ? page : undefined;
    }, 'the quarantined entries');
    expect(items.find((i) => i.entryId === after.entry.id)).toMatchObject({ reason: 'SIGNER_NOT_VALID' });
    expect(items.find((i) => i.entryId === tooEarly.entry.id)).toMatchObject({ reason: 'SIGNER_NOT_VALID' });
    expect(await appendedIds(t, early.id)).toEqual([]);
    const served = (await request(t.app.getHttpServer()).get('/v1/ledger/signers').set('Authorization', tokens.auditor).expect(200)).body.items;
    expect(served).toEqual(expect.arrayContaining([expect.objectContaining({ keyId: oldKey.signer.keyId, validUntil: rotatedAt.toISOString() })]));
  });
});

function dataOf(message: { value: unknown }): { entryId?: string; reason?: string } {
  return ((message.value as { data?: { entryId?: string; reason?: string } } | null)?.data ?? {}) as { entryId?: string; reason?: string };
}
