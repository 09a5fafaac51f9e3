import { PRESCRIPTION_SEALED_FIELDS } from '@app/contracts';
import { addDays, fieldAad, parisDate } from '@app/fr-health';
import { eventually, randomNir } from '@app/testing';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentEndSweep } from '../jobs/enrolment-end.sweep';
import { EnrolmentFeed, type CertifiedDevice } from '../testing/enrolment-feed.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../testing/enrolment.test-app';

jest.setTimeout(180_000);

const DAY_MS = 86_400_000;

/**
 * prescription.events.v1 as the enrolment service reads it, over the real
 * broker: an enrolment is made once per first prescription, whatever the
 * deliveries; a renewal continues it (in either arrival order) and reopens it
 * when it ended with its expired prescription; a cancellation ends it, audited
 * with the event that caused it.
 */
describe('enrolment reacts to prescription events (Kafka, Postgres)', () => {
  let t: EnrolmentTestApp;
  let feed: EnrolmentFeed;
  const operatorOrg = `OP-PRESC-${uuidv7().slice(-8)}`;
  const operator = enrolmentTokens.operatorOf(operatorOrg);
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startEnrolment();
    feed = new EnrolmentFeed(t, { operatorOrg });
  });

  afterAll(async () => {
    await t?.close();
  });

  const getEnrolment = async (id: string) => (await http().get(`/v1/enrolments/${id}`).set('Authorization', operator).expect(200)).body;
  const enrolmentRows = (prescriptionId: string) =>
    t.dataSource.query(`SELECT id FROM enrolments WHERE $1 = ANY(prescription_ids)`, [prescriptionId]) as Promise<Array<{ id: string }>>;

  /** Waits until the service's inbox holds `eventId`: every message before it on its partition (same key) was read too. */
  const consumed = (eventId: string) =>
    eventually(`event ${eventId} consumed`, async () => {
      const rows = await t.dataSource.query(`SELECT 1 FROM inbox WHERE message_id = $1`, [eventId]);
      return rows.length === 1;
    }, { timeoutMs: 30_000, intervalMs: 100 });

  /** A PrescriptionIssued envelope the test publishes itself: a redelivery is the same envelope again. */
  const issuedEnvelope = async (device: CertifiedDevice, nir: string) => {
    const { data } = await feed.issuedPayload(device, { nir });
    return feed.prescriptionEnvelope(data.prescriptionId, 'PrescriptionIssued', data, 1);
  };

  /** A renewal of `renewalOf` for the same patient, starting the day after it ends. */
  const renewal = (device: CertifiedDevice, nir: string, renewalOf: string, prescriptionId = uuidv7()) => {
    const today = parisDate(t.clock.now());
    return feed.issuePrescription(device, { nir, data: { prescriptionId, renewalOf, startDate: today, endDate: addDays(today, 182) }, awaitEnrolment: false });
  };

  it('makes one enrolment of a PrescriptionIssued delivered twice, and of the same prescription published again', async () => {
    const device = await feed.certifyDevice();
    const envelope = await issuedEnvelope(device, randomNir());
    const prescriptionId = envelope.data.prescriptionId;

    // The same message twice (a redelivery), then the same fact under a new event id (a replay by the producer):
    // one key, one partition, so once the last is in the inbox the two before it were read.
    const replay = { ...envelope, id: uuidv7() };
    await feed.publishPrescriptionEnvelopes(prescriptionId, [envelope, envelope, replay]);
    await consumed(replay.id);

    const rows = await enrolmentRows(prescriptionId);
    expect(rows).toHaveLength(1);
    const list = await http().get(`/v1/enrolments?prescriptionId=${prescriptionId}`).set('Authorization', operator).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: rows[0].id, status: 'PENDING_CONSENT', prescriptionId, prescriptionIds: [prescriptionId] }] });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'EnrolmentCreated'`, [rows[0].id]);
    expect(n).toBe(1);
  });

  it('extends the enrolment with a renewal: the renewal in force, the chain in prescriptionIds, never a second enrolment', async () => {
    const device = await feed.certifyDevice();
    const first = await feed.issuePrescription(device);
    const renewed = await renewal(device, first.nir, first.prescriptionId);

    const extended = await eventually('the renewal in force', async () => {
      const body = await getEnrolment(first.enrolmentId);
      return body.prescriptionId === renewed.prescriptionId ? body : undefined;
    });
    expect(extended).toMatchObject({ id: first.enrolmentId, status: 'PENDING_CONSENT', prescriptionIds: [first.prescriptionId, renewed.prescriptionId] });
    expect(await enrolmentRows(renewed.prescriptionId)).toEqual([{ id: first.enrolmentId }]);
    const byRenewal = await http().get(`/v1/enrolments?prescriptionId=${renewed.prescriptionId}`).set('Authorization', operator).expect(200);
    expect(byRenewal.body).toMatchObject({ total: 1, items: [{ id: first.enrolmentId }] });
  });

  it('extends the same enrolment when the renewal arrives before the prescription it renews', async () => {
    const device = await feed.certifyDevice();
    const nir = randomNir();
    const firstId = uuidv7();
    const renewed = await renewal(device, nir, firstId);
    // The renewal waits for the enrolment of the prescription it renews: none is made of it.
    await eventually('the renewal parked', async () => {
      const rows = await t.dataSource.query(`SELECT renewal_of FROM awaiting_renewals WHERE prescription_id = $1`, [renewed.prescriptionId]);
      return rows.length === 1;
    });
    expect(await enrolmentRows(renewed.prescriptionId)).toEqual([]);

    const first = await feed.issuePrescription(device, { nir, data: { prescriptionId: firstId } });
    const extended = await eventually('the renewal applied', async () => {
      const body = await getEnrolment(first.enrolmentId);
      return body.prescriptionId === renewed.prescriptionId ? body : undefined;
    });
    expect(extended.prescriptionIds).toEqual([firstId, renewed.prescriptionId]);
    expect(await enrolmentRows(firstId)).toEqual([{ id: first.enrolmentId }]);
    expect(await enrolmentRows(renewed.prescriptionId)).toEqual([{ id: first.enrolmentId }]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM awaiting_renewals WHERE prescription_id = $1`, [renewed.prescriptionId]);
    expect(n).toBe(0);
  });

  it('ends the enrolment with a PrescriptionCancelled, audited with the event that caused it', async () => {
    const device = await feed.certifyDevice();
    const issued = await feed.issuePrescription(device);
    const cancelledAt = t.clock.now().toISOString();
    const reason = await feed.sealText(issued.pseudonym, 'erreur de patient', fieldAad(`prescription:${issued.prescriptionId}`, PRESCRIPTION_SEALED_FIELDS.cancellationReason));
    const cancellation = feed.prescriptionEnvelope(issued.prescriptionId, 'PrescriptionCancelled', { reason, cancelledAt, cancelledBy: { rpps: issued.data.prescriber.rpps } }, 2);
    const cancellationId = cancellation.id;
    await feed.publishPrescriptionEnvelopes(issued.prescriptionId, [cancellation]);
    await consumed(cancellationId);

    const ended = await getEnrolment(issued.enrolmentId);
    expect(ended).toMatchObject({ status: 'ENDED', endCause: 'PRESCRIPTION_CANCELLED' });
    const entries: Array<{ entry: { decision: string; actor: { role: string }; evidence: Record<string, unknown>; relatedSubjects: string[] } }> =
      await t.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1 ORDER BY seq`, [issued.enrolmentId]);
    const end = entries.map((row) => row.entry).find((entry) => entry.decision === 'ENDED');
    expect(end).toBeDefined();
    expect(end).toMatchObject({
      actor: { role: 'system' },
      relatedSubjects: expect.arrayContaining([`prescription:${issued.prescriptionId}`, `device:${device.deviceId}`]),
      evidence: { status: 'ENDED', cause: 'PRESCRIPTION_CANCELLED', causedBy: { eventId: cancellationId, type: 'PrescriptionCancelled', streamId: issued.prescriptionId } },
    });
  });

  describe('an enrolment ended with its expired prescription returns to PENDING_ACTIVATION with a renewal, consent and device kept', () => {
    const endDatePassed = 184 * DAY_MS;

    afterEach(() => {
      // Back to today for the next test (the app's clock is the test's).
      t.clock.advance(-endDatePassed);
    });

    const expectReopened = async (enrolmentId: string, previous: { consentId: string; serialNumber: string }, renewalId: string, firstId: string) => {
      const reopened = await eventually('reopened by the renewal', async () => {
        const body = await getEnrolment(enrolmentId);
        return body.status === 'PENDING_ACTIVATION' ? body : undefined;
      });
      expect(reopened).toMatchObject({
        prescriptionId: renewalId,
        prescriptionIds: [firstId, renewalId],
        consent: { id: previous.consentId, decision: 'GIVEN' },
        device: { serialNumber: previous.serialNumber },
      });
      expect(reopened.endedAt).toBeUndefined();
      expect(await enrolmentRows(renewalId)).toEqual([{ id: enrolmentId }]);
      const entries: Array<{ entry: { decision: string } }> = await t.dataSource.query(`SELECT entry FROM audit_entries WHERE stream_id = $1 ORDER BY seq`, [enrolmentId]);
      expect(entries.map((row) => row.entry.decision)).toContain('REOPENED');
    };

    it('after a PrescriptionExpired', async () => {
      const active = await feed.activeEnrolment();
      const before = await getEnrolment(active.enrolmentId);
      t.clock.advance(endDatePassed);
      const expiredAt = t.clock.now().toISOString();
      await feed.publishPrescription(active.prescriptionId, 'PrescriptionExpired', { endDate: active.data.endDate, expiredAt }, 2);
      await eventually('ended with its prescription', async () => {
        const body = await getEnrolment(active.enrolmentId);
        return body.status === 'ENDED' && body.endCause === 'PRESCRIPTION_EXPIRED';
      });
      const renewed = await renewal(active, active.nir, active.prescriptionId);
      await expectReopened(active.enrolmentId, { consentId: before.consent.id, serialNumber: active.serialNumber }, renewed.prescriptionId, active.prescriptionId);
    });

    it('after the end sweep on the platform clock', async () => {
      const active = await feed.activeEnrolment();
      const before = await getEnrolment(active.enrolmentId);
      t.clock.advance(endDatePassed);
      const { ended } = await t.app.get(EnrolmentEndSweep).run();
      // The every-minute job may have run it first: either way it is ended.
      if (!ended.includes(active.enrolmentId)) expect((await getEnrolment(active.enrolmentId)).status).toBe('ENDED');
      expect(await getEnrolment(active.enrolmentId)).toMatchObject({ status: 'ENDED', endCause: 'PRESCRIPTION_EXPIRED' });
      const renewed = await renewal(active, active.nir, active.prescriptionId);
      await expectReopened(active.enrolmentId, { consentId: before.consent.id, serialNumber: active.serialNumber }, renewed.prescriptionId, active.prescriptionId);
    });
  });
});
