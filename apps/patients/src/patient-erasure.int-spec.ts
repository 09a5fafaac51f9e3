import { checkEntrySeal, commitmentMatches, verifyChain } from '@app/audit';
import { TOPICS, type AuditEntry } from '@app/contracts';
import { EventStore } from '@app/event-sourcing';
import { collectMessages, tablesHolding } from '@app/testing';
import { PATIENT_KEY_ERASER, type PatientKeyEraser } from '@app/service-kit';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { issueTestKeys, liveTestKeys } from './testing/patient-keys.fixture';
import { bearer, startPatients, tokens, type PatientsTestApp } from './testing/patients.test-app';

const pseudonym = (): string => randomBytes(32).toString('hex');
// A note that names the patient, as an admin may well write one: it must never be stored or published in clear.
const NOTE = `Courrier de Mme Jeanne Martin (NIR 2840375123456) du ${randomBytes(4).toString('hex')}`;

describe('patient erasure over HTTP (real Postgres, Kafka)', () => {
  let t: PatientsTestApp;
  const http = () => request(t.app.getHttpServer());
  const erase = (who: string, body: object = { legalBasis: 'ERASURE_REQUEST', note: NOTE }, token = tokens.admin) =>
    http().post(`/v1/patients/${who}/erasure`).set('Authorization', token).send(body);

  beforeAll(async () => {
    t = await startPatients();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('destroys the live key, answers 202 with the erasure, then 409; the other patient keeps theirs', async () => {
    const [erased, other] = [pseudonym(), pseudonym()];
    await issueTestKeys(t.patientKeys, erased);
    await issueTestKeys(t.patientKeys, other);

    const answer = await erase(erased).expect(202);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
      pseudonym: erased,
      status: 'ERASED',
      legalBasis: 'ERASURE_REQUEST',
      note: { commitment: expect.stringMatching(/^[0-9a-f]{64}$/), salt: expect.stringMatching(/^[0-9a-f]{32}$/) },
      generationsDestroyed: 1,
      erasedAt: expect.any(String),
      erasedBy: 'admin-user',
      version: 1,
    });
    // The salt goes back once, so the admin's own copy of the note proves the commitment.
    expect(commitmentMatches(answer.body.note.commitment, answer.body.note.salt, NOTE)).toBe(true);
    expect(await liveTestKeys(t.patientKeys, erased)).toBe(0);
    expect(await liveTestKeys(t.patientKeys, other)).toBe(1);

    const again = await erase(erased, { legalBasis: 'OTHER' }).expect(409);
    expect(again.body.error).toMatchObject({ code: 'PATIENT.ALREADY_ERASED', erasedAt: answer.body.erasedAt });

    // Read back by admins and auditors, without the salt; a patient never erased is 404.
    const { salt: _salt, ...kept } = answer.body.note;
    for (const token of [tokens.admin, tokens.auditor]) {
      const read = await http().get(`/v1/patients/${erased}/erasure`).set('Authorization', token).expect(200);
      expect(read.body).toEqual({ ...answer.body, note: kept });
    }
    const never = await http().get(`/v1/patients/${other}/erasure`).set('Authorization', tokens.admin).expect(404);
    expect(never.body.error.code).toBe('PATIENT.NOT_FOUND');
  });

  it('answers 404 PATIENT.NOT_FOUND for a pseudonym of whom no key ever existed, writing nothing', async () => {
    const unknown = pseudonym();
    const res = await erase(unknown).expect(404);
    expect(res.body.error.code).toBe('PATIENT.NOT_FOUND');
    const stream = await t.app.get(EventStore).readStream(`patient:${unknown}`);
    expect(stream.position).toBe(0);
  });

  it('records the sealed audit entry on patient:<pseudonym> and publishes PatientErased, the note only as its commitment', async () => {
    const who = pseudonym();
    await issueTestKeys(t.patientKeys, who);
    const answer = await erase(who, { legalBasis: 'RETENTION_ENDED', note: NOTE }).expect(202);
    const streamId = `patient:${who}`;

    const [audit] = (await t.dataSource.query('SELECT entry, hash FROM audit_entries WHERE stream_id = $1 ORDER BY seq', [streamId])) as Array<{
      entry: AuditEntry;
      hash: string;
    }>;
    expect(audit.entry).toMatchObject({
      actor: { id: 'admin-user', role: 'admin' },
      action: 'patient.erased',
      subject: streamId,
      relatedSubjects: [],
      decision: 'ERASED',
      service: 'patients',
      streamVersion: 1,
      evidence: { erasureId: answer.body.id, legalBasis: 'RETENTION_ENDED', note: { commitment: answer.body.note.commitment }, generationsDestroyed: 1 },
    });
    expect(verifyChain([audit])).toEqual({ ok: true });
    expect(checkEntrySeal(audit.entry, [t.signer])).toMatchObject({ ok: true });

    const published = await collectMessages(TOPICS.patients, { until: (all) => all.some((m) => m.key === streamId) });
    const event = published.find((m) => m.key === streamId)!.value as { type: string; streamId: string; actor: unknown; data: unknown };
    expect(event).toMatchObject({
      type: 'PatientErased',
      streamId,
      actor: { id: 'admin-user', role: 'admin' },
      data: {
        erasureId: answer.body.id,
        pseudonym: who,
        legalBasis: 'RETENTION_ENDED',
        note: { commitment: answer.body.note.commitment },
        generationsDestroyed: 1,
        erasedAt: answer.body.erasedAt,
        requestedBy: 'admin-user',
      },
    });
    const entries = await collectMessages(TOPICS.auditEntries, { until: (all) => all.some((m) => m.key === streamId) });
    const recorded = entries.find((m) => m.key === streamId)!;
    expect(recorded.value).toMatchObject({ type: 'AuditEntryRecorded', data: { entry: audit.entry, hash: audit.hash } });

    // Neither the note nor its salt is anywhere: not on Kafka, not in any table of the schema.
    for (const text of [NOTE, 'Martin', answer.body.note.salt]) {
      expect(JSON.stringify([event, recorded.value])).not.toContain(text);
      expect(await tablesHolding(text, { schema: t.schema })).toEqual([]);
    }
  });

  it('destroys nothing when the append fails: the keys, the stream and the read model stay as they were', async () => {
    const who = pseudonym();
    await issueTestKeys(t.patientKeys, who);
    const store = t.app.get(EventStore);
    const append = jest.spyOn(store, 'appendToStream').mockRejectedValueOnce(new Error('the disk is full'));
    const destroy = jest.spyOn(t.app.get<PatientKeyEraser>(PATIENT_KEY_ERASER), 'erase');
    let appends: number;
    let destroyed: Promise<unknown>[];
    try {
      await erase(who).expect(500);
    } finally {
      appends = append.mock.calls.length;
      destroyed = destroy.mock.results.map((result) => result.value);
      append.mockRestore();
      destroy.mockRestore();
    }
    // The key was destroyed before the append, in its transaction, which then rolled back.
    expect(appends).toBe(1);
    expect(await Promise.all(destroyed)).toEqual([{ known: true, destroyed: 1 }]);
    expect(await liveTestKeys(t.patientKeys, who)).toBe(1);
    expect((await store.readStream(`patient:${who}`)).position).toBe(0);
    await http().get(`/v1/patients/${who}/erasure`).set('Authorization', tokens.admin).expect(404);

    // The same request again goes through, all of it.
    await erase(who).expect(202);
    expect(await liveTestKeys(t.patientKeys, who)).toBe(0);
  });

  it('answers an Idempotency-Key retry with the first answer (same salt) and erases once', async () => {
    const who = pseudonym();
    await issueTestKeys(t.patientKeys, who);
    const key = `erase-${who.slice(0, 12)}`;
    const send = (body: object) =>
      http().post(`/v1/patients/${who}/erasure`).set('Authorization', tokens.admin).set('Idempotency-Key', key).send(body);
    const first = await send({ legalBasis: 'ERASURE_REQUEST', note: NOTE }).expect(202);
    const retry = await send({ legalBasis: 'ERASURE_REQUEST', note: NOTE }).expect(202);
    expect(retry.body).toEqual(first.body);
    expect((await t.app.get(EventStore).readStream(`patient:${who}`)).position).toBe(1);
    const reused = await send({ legalBasis: 'OTHER' }).expect(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('is for admins only: 401 without a token, 403 for every other role; reading back is for admins and auditors', async () => {
    const who = pseudonym();
    await issueTestKeys(t.patientKeys, who);
    const noToken = await http().post(`/v1/patients/${who}/erasure`).send({ legalBasis: 'OTHER' });
    expect(noToken.status).toBe(401);
    for (const role of ['auditor', 'physician', 'patient', 'vendor', 'evaluator', 'operator', 'claims_processor'] as const) {
      const res = await erase(who, { legalBasis: 'OTHER' }, bearer({ role }));
      expect({ role, status: res.status, code: res.body.error?.code }).toEqual({ role, status: 403, code: 'AUTH.FORBIDDEN' });
    }
    expect(await liveTestKeys(t.patientKeys, who)).toBe(1);
    expect((await http().get(`/v1/patients/${who}/erasure`).set('Authorization', tokens.physician)).status).toBe(403);
    expect((await http().get(`/v1/patients/${who}/erasure`)).status).toBe(401);
  });

  it('refuses a bad pseudonym, legal basis or note with 400 naming the field, destroying nothing', async () => {
    const who = pseudonym();
    await issueTestKeys(t.patientKeys, who);
    const fields = async (path: string, body: object) => {
      const res = await http().post(path).set('Authorization', tokens.admin).send(body);
      return { status: res.status, code: res.body.error?.code, fields: (res.body.error?.details ?? []).map((d: { field: string }) => d.field) };
    };
    const refused = (...names: string[]) => ({ status: 400, code: 'REQUEST.VALIDATION_FAILED', fields: names });
    for (const bad of ['184037512345690', who.toUpperCase(), who.slice(1), `${who}0`, 'me']) {
      expect(await fields(`/v1/patients/${bad}/erasure`, { legalBasis: 'OTHER' })).toEqual(refused('pseudonym'));
    }
    expect(await fields(`/v1/patients/${who}/erasure`, { legalBasis: 'BECAUSE' })).toEqual(refused('legalBasis'));
    expect(await fields(`/v1/patients/${who}/erasure`, {})).toEqual(refused('legalBasis'));
    expect(await fields(`/v1/patients/${who}/erasure`, { legalBasis: 'OTHER', note: 42 })).toEqual(refused('note'));
    expect(await fields(`/v1/patients/${who}/erasure`, { legalBasis: 'OTHER', note: 'x'.repeat(2001) })).toEqual(refused('note'));
    expect(await fields(`/v1/patients/${who}/erasure`, { legalBasis: 'OTHER', reason: 'x' })).toEqual(refused('reason'));
    expect(await liveTestKeys(t.patientKeys, who)).toBe(1);
    const get = await http().get(`/v1/patients/${who.toUpperCase()}/erasure`).set('Authorization', tokens.admin).expect(400);
    expect(get.body.error.details[0].field).toBe('pseudonym');
  });
});
