import { commitmentMatches, resolveJsonPointer } from '@app/audit';
import { isSealedText, TOPICS, type AuditEntry } from '@app/contracts';
import { collectMessages } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { bearer, productBody, startDeviceCertification, tokens, type DeviceCertificationTestApp } from './testing/device-certification.test-app';

const SUSPENSION = `Surchauffe de la batterie signalée par le Dr Martin, lot 42 (${uuidv7()})`;
const NOTES = `CER-12 relu avec Mme Durand (${uuidv7()})`;
const REJECTION = `Pas de données cliniques (${uuidv7()})`;
const auditor = bearer({ role: 'auditor', sub: 'auditor-user' });

type Envelope = { type: string; schemaVersion: number; data: Record<string, unknown> };

/**
 * An evaluator's free text out of the ledger and off Kafka: sealed in the
 * events, committed in the audit entries, in clear in the API for those who
 * read it before, and disclosed with its salt to auditors (and physicians).
 */
describe('device free text: sealed, committed, disclosed (real Postgres, Kafka, Redis)', () => {
  let t: DeviceCertificationTestApp;
  let deviceId: string;
  let rejectedId: string;
  const http = () => request(t.app.getHttpServer());
  const disclose = (token: string, entryIds: string[]) => http().post('/internal/audit-disclosures').set('Authorization', token).send({ entryIds });
  const entries = async (id: string) =>
    ((await t.dataSource.query('SELECT entry FROM audit_entries WHERE stream_id = $1 ORDER BY seq', [id])) as Array<{ entry: AuditEntry }>).map((row) => row.entry);

  beforeAll(async () => {
    t = await startDeviceCertification();
    const register = async () => (await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201)).body.id as string;
    deviceId = await register();
    await http().post(`/v1/devices/${deviceId}/submission`).set('Authorization', tokens.vendorA).expect(200);
    await http()
      .post(`/v1/devices/${deviceId}/review`)
      .set('Authorization', tokens.evaluator)
      .send({ decision: 'CERTIFY', validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(), lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'], notes: NOTES })
      .expect(200);
    await http().post(`/v1/devices/${deviceId}/suspension`).set('Authorization', tokens.evaluator).send({ reason: SUSPENSION }).expect(200);
    rejectedId = await register();
    await http().post(`/v1/devices/${rejectedId}/submission`).set('Authorization', tokens.vendorA).expect(200);
    await http().post(`/v1/devices/${rejectedId}/review`).set('Authorization', tokens.evaluator).send({ decision: 'REJECT', reasons: [REJECTION] }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('publishes the audit entry with the commitment of the reason only: no text, no ciphertext', async () => {
    const [suspension] = (await entries(deviceId)).filter((entry) => entry.decision === 'SUSPENDED');
    const messages = await collectMessages(TOPICS.auditEntries, { until: (all) => all.some((m) => (m.value as { id?: string }).id === suspension.id), timeoutMs: 30_000 });
    const published = messages.find((m) => (m.value as { id?: string }).id === suspension.id)!.value as { data: { entry: AuditEntry } };
    expect(published.data.entry).toEqual(suspension);
    const reason = resolveJsonPointer(published.data.entry, '/evidence/events/0/data/reason');
    expect(reason).toEqual({ found: true, value: { commitment: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const text = JSON.stringify(published);
    expect(text).not.toContain('Surchauffe');
    expect(text).not.toContain('st1.');
    for (const entry of await entries(deviceId)) expect(JSON.stringify(entry)).not.toMatch(/Surchauffe|Durand|st1\./);
  });

  it('publishes the device events with the reason and notes sealed, under schema 2, never in clear', async () => {
    const messages = await collectMessages(TOPICS.deviceCertification, { until: (all) => all.filter((m) => m.key === deviceId).length >= 4, timeoutMs: 30_000 });
    const mine = messages.filter((m) => m.key === deviceId).map((m) => m.value as Envelope);
    const suspended = mine.find((e) => e.type === 'DeviceSuspended')!;
    const certified = mine.find((e) => e.type === 'DeviceCertified')!;
    expect([suspended.schemaVersion, certified.schemaVersion]).toEqual([2, 2]);
    expect(isSealedText(suspended.data.reason)).toBe(true);
    expect(isSealedText(certified.data.notes)).toBe(true);
    expect(JSON.stringify(mine)).not.toMatch(/Surchauffe|Durand/);
    const stored = await t.dataSource.query(`SELECT data::text AS data FROM events WHERE stream_id = ANY($1)`, [[deviceId, rejectedId]]);
    expect(stored.map((row: { data: string }) => row.data).join('\n')).not.toMatch(/Surchauffe|Durand|Pas de données/);
  });

  it('still shows the texts in clear in the history, to the vendor, the evaluator and a physician as before', async () => {
    for (const token of [tokens.vendorA, tokens.evaluator, tokens.physician]) {
      const history = await http().get(`/v1/devices/${deviceId}/history`).set('Authorization', token).expect(200);
      const data = Object.fromEntries(history.body.items.map((item: { type: string; data: unknown }) => [item.type, item.data]));
      expect(data.DeviceSuspended).toEqual({ reason: SUSPENSION, evaluatorOrg: 'EVAL-GMED' });
      expect(data.DeviceCertified).toMatchObject({ notes: NOTES, lppCode: '1612544' });
    }
    const rejected = await http().get(`/v1/devices/${rejectedId}/history`).set('Authorization', tokens.vendorA).expect(200);
    expect(rejected.body.items.find((item: { type: string }) => item.type === 'DeviceRejected').data).toEqual({ reasons: [REJECTION], evaluatorOrg: 'EVAL-GMED' });
    // Who could not see the rejected product's history still cannot.
    await http().get(`/v1/devices/${rejectedId}/history`).set('Authorization', tokens.physician).expect(404);
  });

  it('shows a text of an event written before texts were sealed (schema 1) as it was written', async () => {
    const id = (await http().post('/v1/devices').set('Authorization', tokens.vendorA).send(productBody()).expect(201)).body.id as string;
    // What a rejection of schema 1 left in the store: its reasons in clear.
    await t.dataSource.query(
      `INSERT INTO events (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
       VALUES ($1, $2, 'device', 2, 'DeviceRejected', 1, $3, $4, now())`,
      [uuidv7(), id, { reasons: ['written in clear, long ago'], evaluatorOrg: 'EVAL-OLD' }, { actor: { id: 'e', role: 'evaluator' }, correlationId: uuidv7(), causationId: null }],
    );
    await t.dataSource.query(`UPDATE streams SET position = 2 WHERE stream_id = $1`, [id]);
    const history = await http().get(`/v1/devices/${id}/history`).set('Authorization', tokens.vendorA).expect(200);
    expect(history.body.items[1]).toMatchObject({ type: 'DeviceRejected', version: 2, data: { reasons: ['written in clear, long ago'], evaluatorOrg: 'EVAL-OLD' } });
  });

  it('discloses text and salt that match the commitments to an auditor, every text', async () => {
    const all = [...(await entries(deviceId)), ...(await entries(rejectedId))];
    const answer = await disclose(auditor, all.map((entry) => entry.id)).expect(200);
    expect(answer.body.items.map((item: { text: string }) => item.text).sort()).toEqual([NOTES, REJECTION, SUSPENSION].sort());
    for (const item of answer.body.items as Array<{ entryId: string; path: string; text: string; salt: string }>) {
      const entry = all.find((e) => e.id === item.entryId)!;
      const place = resolveJsonPointer(entry, item.path);
      expect(place.found).toBe(true);
      expect(commitmentMatches((place as { value: { commitment: string } }).value.commitment, item.salt, item.text)).toBe(true);
    }
    const suspension = answer.body.items.find((item: { text: string }) => item.text === SUSPENSION);
    expect(suspension).toEqual({ entryId: all.find((e) => e.decision === 'SUSPENDED')!.id, path: '/evidence/events/0/data/reason', text: SUSPENSION, salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it("discloses to a physician the device's reasons and notes, not a rejection's reasons", async () => {
    const all = [...(await entries(deviceId)), ...(await entries(rejectedId))];
    const answer = await disclose(tokens.physician, all.map((entry) => entry.id)).expect(200);
    expect(answer.body.items.map((item: { text: string }) => item.text).sort()).toEqual([NOTES, SUSPENSION].sort());
  });

  it('refuses a vendor, an evaluator and an admin with 403, and names a bad body field with 400', async () => {
    const ids = (await entries(deviceId)).map((entry) => entry.id);
    for (const token of [tokens.vendorA, tokens.evaluator, bearer({ role: 'admin' })]) {
      const refused = await disclose(token, ids).expect(403);
      expect(refused.body.error.code).toBe('AUTH.FORBIDDEN');
    }
    await disclose(auditor, ids).set('Authorization', '').expect(401);
    const bad = await disclose(auditor, ['not-a-uuid']).expect(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['entryIds']);
    const tooMany = await disclose(auditor, Array.from({ length: 1001 }, () => uuidv7())).expect(400);
    expect(tooMany.body.error.details[0]).toMatchObject({ field: 'entryIds', code: 'ARRAY_MAX_SIZE' });
    expect((await disclose(auditor, [uuidv7()]).expect(200)).body).toEqual({ items: [] });
  });
});
