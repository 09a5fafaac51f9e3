import { partyOf } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import request from 'supertest';
import { ObservanceSweep } from '../jobs/observance.sweep';
import { SilenceSweep } from '../jobs/silence.sweep';
import { EnrolmentFeed, type ActiveEnrolment } from '../testing/enrolment-feed.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../testing/enrolment.test-app';

const HOUR_MS = 3_600_000;

/**
 * Transmissions and the silence they leave, on the real Postgres, Kafka and
 * Redis: the enrolment is made ACTIVE from events published as the
 * prescription and device services publish them, then the clock is moved.
 */
describe('transmissions, silences and their connectivity incidents', () => {
  let t: EnrolmentTestApp;
  let feed: EnrolmentFeed;
  let active: ActiveEnrolment;
  const http = () => request(t.app.getHttpServer());
  const at = (offsetMs: number) => new Date(Date.parse(active.activatedAt) + offsetMs).toISOString();
  const report = (items: unknown[], token = active.operator, id = active.enrolmentId) =>
    http().post(`/v1/enrolments/${id}/transmissions`).set('Authorization', token).send({ items });
  const item = (instant: string) => ({ at: instant, network: 'CELLULAR_4G', kind: 'PERIODIC' });
  const enrolment = async () => (await http().get(`/v1/enrolments/${active.enrolmentId}`).set('Authorization', active.operator).expect(200)).body;
  const eventsOf = async (type: string): Promise<Array<Record<string, unknown>>> =>
    (await t.dataSource.query(`SELECT data FROM events WHERE stream_id = $1 AND type = $2 ORDER BY version`, [active.enrolmentId, type])).map(
      (row: { data: Record<string, unknown> }) => row.data,
    );

  beforeAll(async () => {
    t = await startEnrolment();
    feed = new EnrolmentFeed(t);
    active = await feed.activeEnrolment();
  }, 90_000);

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a batch at a future instant, a bad item with its path, an empty batch', async () => {
    const future = await report([item(at(-HOUR_MS)), item(new Date(t.clock.now().getTime() + 10 * 60_000).toISOString())]).expect(400);
    expect(future.body.error.details).toEqual([expect.objectContaining({ field: 'items[1].at', code: 'IN_FUTURE' })]);
    const bad = await report([item(at(0)), item(at(0)), item(at(0)), { at: 'yesterday', network: 'CARRIER_PIGEON', kind: 'PERIODIC' }]).expect(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['items[3].at', 'items[3].network']);
    await report([]).expect(400);
    await report(Array.from({ length: 1_001 }, () => item(at(0)))).expect(400);
  });

  it('answers 404 to another operator org, 409 for an enrolment never activated', async () => {
    await report([item(at(0))], enrolmentTokens.otherOperator).expect(404);
    const device = await feed.certifyDevice();
    const pending = await feed.issuePrescription(device);
    const refused = await report([item(new Date(t.clock.now().getTime() - 60_000).toISOString())], enrolmentTokens.operatorOf(pending.operatorOrg), pending.enrolmentId).expect(409);
    expect(refused.body.error.code).toBe('ENROLMENT.NOT_ACTIVATED');
  });

  it('two days of silence: the sweep opens a system incident; late batches close, then shorten it; each audited with its party', async () => {
    t.clock.advance(48 * HOUR_MS);
    const { opened } = await t.app.get(SilenceSweep).run();
    expect(opened).toContain(active.enrolmentId);
    // A second run (another replica, the next minute) finds it open already.
    expect((await t.app.get(SilenceSweep).run()).opened).not.toContain(active.enrolmentId);
    const [incident] = (await enrolment()).incidents;
    expect(incident).toMatchObject({ openedBy: 'system', cause: 'UNKNOWN', responsibleParty: 'operator', startedAt: at(26 * HOUR_MS), endedAt: null });

    // The device comes back an hour ago: the incident is closed there.
    const back = await report([item(at(47 * HOUR_MS))]).expect(202);
    expect(back.body).toEqual({ accepted: 1, latestAt: at(47 * HOUR_MS) });
    expect((await enrolment()).incidents).toEqual([expect.objectContaining({ incidentId: incident.incidentId, startedAt: at(26 * HOUR_MS), endedAt: at(47 * HOUR_MS) })]);

    // A late report (10 h after activation, twice, with an instant before activation ignored): the silence is 10 h -> 47 h, its incident 36 h -> 47 h.
    const late = await report([item(at(10 * HOUR_MS)), item(at(10 * HOUR_MS)), item(at(-HOUR_MS))]).expect(202);
    expect(late.body).toEqual({ accepted: 1, latestAt: at(47 * HOUR_MS) });
    const view = await enrolment();
    expect(view.incidents).toEqual([expect.objectContaining({ incidentId: incident.incidentId, startedAt: at(36 * HOUR_MS), endedAt: at(47 * HOUR_MS) })]);
    expect(view.lastTransmissionAt).toBe(at(47 * HOUR_MS));
    expect(view.observance[0]).toMatchObject({ month: 1, daysWithData: expect.any(Number), days: expect.any(Number) });
    expect(view.observance[0].daysWithData).toBeGreaterThanOrEqual(1);

    const updates = await eventsOf('ConnectivityIncidentUpdated');
    expect(updates.map((u) => u.change)).toEqual(['CLOSED', 'LATE_TRANSMISSIONS']);

    // The incident's entries (opened by the sweep, moved by the batches) name the prescription and carry the incident: the dossier's party is the operator.
    const entries: AuditEntry[] = (
      await t.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1 ORDER BY seq`, [active.enrolmentId])
    ).map((row: { entry: AuditEntry }) => row.entry);
    const incidentEntries = entries.filter((entry) => (entry.evidence as { incident?: { incidentId?: string } })?.incident?.incidentId === incident.incidentId);
    expect(incidentEntries).toHaveLength(3);
    expect(incidentEntries[0].actor).toMatchObject({ id: 'system:silence-sweep', role: 'system' });
    for (const entry of incidentEntries) {
      expect(entry.relatedSubjects).toContain(`prescription:${active.prescriptionId}`);
      expect(entry.evidence).toMatchObject({ incident: { cause: 'UNKNOWN', openedBy: 'system', responsibleParty: 'operator' } });
      expect(partyOf(entry, { homeCoverageOverridden: false })).toBe('operator');
    }
    // The transmissions themselves are not audited one by one.
    expect(entries.map((entry) => entry.action).filter((action) => String(action).includes('transmission'))).toEqual([]);
  });

  it('a suspension ends the silence in progress: its incident is closed at the suspension, and no new one opens while suspended', async () => {
    t.clock.advance(30 * HOUR_MS);
    expect((await t.app.get(SilenceSweep).run()).opened).toContain(active.enrolmentId);
    const open = (await enrolment()).incidents.find((i: { endedAt: string | null }) => i.endedAt === null);
    expect(open).toMatchObject({ startedAt: at(73 * HOUR_MS), openedBy: 'system' });
    const suspended = await http().post(`/v1/enrolments/${active.enrolmentId}/suspension`).set('Authorization', active.operator).send({ reason: 'patient in hospital' }).expect(200);
    expect(suspended.body.status).toBe('SUSPENDED');
    const closed = suspended.body.incidents.find((i: { incidentId: string }) => i.incidentId === open.incidentId);
    expect(closed.endedAt).not.toBeNull();
    t.clock.advance(30 * HOUR_MS);
    expect((await t.app.get(SilenceSweep).run()).opened).not.toContain(active.enrolmentId);
  });

  it('month 1 over with data on 2 of its days: the prescriber is told once (ObservanceLow)', async () => {
    t.clock.advance(35 * 24 * HOUR_MS);
    expect((await t.app.get(ObservanceSweep).run()).recorded).toContain(active.enrolmentId);
    expect((await t.app.get(ObservanceSweep).run()).recorded).not.toContain(active.enrolmentId);
    const [low] = await eventsOf('ObservanceLow');
    expect(low).toMatchObject({ month: 1, daysWithData: 2, prescriberRpps: active.data.prescriber.rpps });
    expect(low.days).toBeGreaterThanOrEqual(28);
    expect((await eventsOf('ObservanceLow')).length).toBe(1);
    expect((await enrolment()).observance.map((m: { month: number }) => m.month)).toEqual([1, 2]);
  });
});
