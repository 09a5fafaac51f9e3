import { CLAIM_EVENTS_V1, TOPICS } from '@app/contracts';
import { collectMessages } from '@app/testing';
import { daysFrom, DAY_MS, parisInstant, periodBefore, randomSiret, semesterOf } from '../support/billing-calendar';
import { startClaimsWorld, type BillingRunView, type ClaimBody, type ClaimsDevice, type ClaimsFeed, type ClaimsWorld, type Enrolled } from '../support/claims-world';
import { claimsTokens } from '../../apps/claims/src/testing/claims.test-app';

jest.setTimeout(180_000);

/**
 * The monthly billing run over the real Postgres, Kafka and Redis: a real
 * enrolment service makes the enrolments (its events are all claims knows),
 * the clocks of both start early in a past month, the enrolments are
 * activated, then the clocks move forty days on, the operator reports the
 * month's transmissions late, and the admin bills the month.
 */
describe('the monthly billing run (enrolment and claims over Kafka, Postgres, Redis)', () => {
  const period = periodBefore(2);
  const operatorOrg = `OP-BILLING-${randomSiret().slice(-6)}`;
  const exploitant = { siret: randomSiret(), name: 'Exploitation Télésuivi SAS' };
  let world: ClaimsWorld;
  let feed: ClaimsFeed;
  let device: ClaimsDevice;
  let full: Enrolled; // ALD, the whole month from the 3rd
  let sixtyPercent: Enrolled; // not ALD: 60 %
  let unlisted: Enrolled; // its device's LPP code is not in the tariff
  let corrected: Enrolled; // an UNKNOWN incident re-qualified after billing
  let short: Enrolled; // ended after five days
  let noConsent: Enrolled;
  let rightsClosed: Enrolled;
  let incidentId: string;
  let firstRuns: [string, string];
  const http = () => feed.http();
  /*
   * Claims reads every enrolment event published while it runs: another test of the machine that bills the
   * same month (its clock moved alike) adds its enrolments to this app's runs. The assertions keep to ours.
   */
  const ours = () => new Set([full, sixtyPercent, unlisted, corrected, short, noConsent, rightsClosed].map((e) => e.enrolmentId));
  const ourSkips = (run: BillingRunView) => run.skipped.filter((s) => ours().has(s.enrolmentId)).sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId));
  const ourClaims = async () => (await feed.claimsOf(period)).filter((claim) => ours().has(claim.enrolmentId));
  const monthFrom3rd = daysFrom(`${period}-03`, period);

  beforeAll(async () => {
    world = await startClaimsWorld({ operatorOrg, exploitant });
    feed = world.feed;
    // The 3rd of the month, 10:00 in Paris: every enrolment is activated then.
    feed.moveTo(parisInstant(period, 3, 10));
    device = await feed.certifyDevice();
    const otherDevice = await feed.certifyDevice({ lppCode: '1612543' });
    full = await feed.enrol({ device, ald: true });
    sixtyPercent = await feed.enrol({ device, ald: false });
    unlisted = await feed.enrol({ device: otherDevice });
    corrected = await feed.enrol({ device });
    short = await feed.enrol({ device });
    noConsent = await feed.enrol({ device, consent: false });
    rightsClosed = await feed.enrol({ device, rightsClosed: true });

    // Five days on, the short one ends (its transmissions reported until then).
    feed.advance(5 * DAY_MS);
    await feed.reportTransmissions(short);
    await feed.end(short);
    // Forty days after the activation: the month is over; the operator reports its transmissions.
    feed.advance(35 * DAY_MS);
    for (const enrolled of [full, sixtyPercent, unlisted, corrected]) await feed.reportTransmissions(enrolled);
    // The 10th to the 15th: an incident of unknown cause, wholly covering the 10th to the 14th.
    incidentId = await feed.recordIncident(corrected, { startedAt: parisInstant(period, 10), endedAt: parisInstant(period, 15), cause: 'UNKNOWN' });
    await feed.caughtUp([full, sixtyPercent, unlisted, corrected, short, noConsent, rightsClosed]);
  });

  afterAll(async () => {
    await world?.close();
  });

  const lines = (claim: ClaimBody) => [...claim.lines].sort((a, b) => String(a.kind).localeCompare(String(b.kind)));

  it('bills the month: two runs started at once make one claim per billable enrolment, and list every other with its reason', async () => {
    firstRuns = (await Promise.all([feed.startRun(period), feed.startRun(period)])) as [string, string];
    const runs = [await feed.runCompleted(firstRuns[0]), await feed.runCompleted(firstRuns[1])];
    const billed = [full, sixtyPercent, unlisted, corrected].map((e) => e.enrolmentId).sort();
    const claims = await ourClaims();
    expect(claims.map((claim) => claim.enrolmentId).sort()).toEqual(billed);
    for (const run of runs) {
      expect(run.period).toBe(period);
      expect(run.enrolments).toBeGreaterThanOrEqual(7);
      // Each billable enrolment claimed by one run, ALREADY_CLAIMED in the other; the others skipped with their reason by both.
      const claimedHere = claims.filter((claim) => claim.billingRunId === run.id).map((claim) => claim.enrolmentId);
      const expected = [
        ...billed.filter((id) => !claimedHere.includes(id)).map((enrolmentId) => ({ enrolmentId, reason: 'ALREADY_CLAIMED' })),
        { enrolmentId: short.enrolmentId, reason: 'BELOW_MINIMUM_DAYS' },
        { enrolmentId: noConsent.enrolmentId, reason: 'NO_CONSENT' },
        { enrolmentId: rightsClosed.enrolmentId, reason: 'RIGHTS_CLOSED' },
      ].sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId));
      expect(ourSkips(run)).toEqual(expected);
      expect(run.claimed + run.skipped.length).toBe(run.enrolments);
    }
    expect(claims.every((claim) => firstRuns.includes(claim.billingRunId))).toBe(true);
    const pseudonyms = [full, sixtyPercent, unlisted, corrected].map((e) => e.pseudonym);
    const keys = await world.claims.dataSource.query(`SELECT claim_id FROM claim_keys WHERE period = $1 AND pseudonym = ANY($2)`, [period, pseudonyms]);
    expect(keys.map((key: { claim_id: string }) => key.claim_id).sort()).toEqual(claims.map((claim) => claim.id).sort());
  });

  it('computes each claim as DOMAIN.md says: days, the two flat lines and their payees, the AMO share, the tariff version', async () => {
    const claim = await feed.claimOf(full.enrolmentId, period);
    expect(claim).toMatchObject({
      enrolmentId: full.enrolmentId,
      prescriptionId: full.prescriptionId,
      period,
      billableDays: monthFrom3rd.length,
      totalCents: 7_800,
      amoShareCents: 7_800,
      patientShareCents: 0,
      tariffVersion: '2023-07',
    });
    expect(claim.billableDates).toEqual(monthFrom3rd);
    expect(lines(claim)).toEqual([
      expect.objectContaining({ kind: 'OPERATOR', code: 'TVB', payee: operatorOrg, amountCents: 2_800 }),
      // Paid to the exploitant the product names, not its manufacturer.
      expect.objectContaining({ kind: 'TECHNICAL', code: '1612544', payee: exploitant.siret, amountCents: 5_000 }),
    ]);
    expect(exploitant.siret).not.toBe(device.manufacturerSiret);
    // The first semester of the exploitant: no patients in the previous one, the first tranche.
    expect(claim.fileActive).toEqual({ semester: semesterOf(period), patients: 0, trancheFromPatients: 0, trancheCents: 5_000 });

    const sixty = await feed.claimOf(sixtyPercent.enrolmentId, period);
    expect(sixty).toMatchObject({ totalCents: 7_800, amoShareCents: 1_680 + 3_000, patientShareCents: 7_800 - 4_680, amoRatePercent: 60 });
    expect(lines(sixty).map((line) => line.amoShareCents)).toEqual([1_680, 3_000]);

    // The days of the incident of unknown cause are not billed.
    const withIncident = await feed.claimOf(corrected.enrolmentId, period);
    const incidentDays = [10, 11, 12, 13, 14].map((day) => `${period}-${day}`);
    expect(withIncident.billableDates).toEqual(monthFrom3rd.filter((day) => !incidentDays.includes(day)));

    // Submitted to the (simulated) AMO, each enters the processors' queue.
    for (const enrolled of [full, sixtyPercent, corrected]) {
      const one = await feed.claimOf(enrolled.enrolmentId, period);
      await feed.claimInStatus(one.id, 'SUBMITTED');
    }
    // Audited with its parties: the prescription, the device, the enrolment and the patient.
    const [created] = await feed.auditEntriesOf(claim.id);
    expect(created).toMatchObject({ subject: `claim:${claim.id}`, action: 'claim.created', rulesVersion: '2023-07' });
    expect(created.relatedSubjects).toEqual(
      expect.arrayContaining([`enrolment:${full.enrolmentId}`, `prescription:${full.prescriptionId}`, `device:${device.deviceId}`, `patient:${full.pseudonym}`]),
    );
    expect(JSON.stringify(created)).not.toContain('identityEncrypted');

    // Published on claims.events.v1 (contract CLAIM_EVENTS_V1), the identity as the enrolment sealed it, never in clear.
    const messages = await collectMessages(TOPICS.claims, { until: (all) => all.some((m) => m.key === claim.id), timeoutMs: 30_000 });
    const [published] = messages.filter((m) => m.key === claim.id).map((m) => m.value as ClaimBody);
    expect(published).toMatchObject({ streamId: claim.id, type: 'ClaimCreated', schemaVersion: CLAIM_EVENTS_V1.schemaVersions.ClaimCreated, data: { claimId: claim.id, period } });
    expect(published.data.patient).toEqual({ pseudonym: full.pseudonym, identityEncrypted: expect.any(String) });
    expect(JSON.stringify(published)).not.toContain(full.nir);
  });

  it('rejects at validation a claim whose device LPP code the tariff does not list: REJECTED, source VALIDATION, TARIFF_MISMATCH', async () => {
    const claim = await feed.claimOf(unlisted.enrolmentId, period);
    expect(claim).toMatchObject({ status: 'REJECTED', rejection: { source: 'VALIDATION', reasonCode: 'TARIFF_MISMATCH' } });
    const entries = await feed.auditEntriesOf(claim.id);
    // One step, one entry: created and rejected at once, the rejection its effect.
    expect(entries.map((entry) => entry.action)).toEqual(['claim.created']);
    expect(entries[0]).toMatchObject({
      decision: 'CREATED',
      actor: { role: 'system' },
      evidence: { status: 'REJECTED', effects: [expect.objectContaining({ type: 'ClaimRejected', decision: 'REJECTED_VALIDATION' })] },
    });
    const [rejected] = (await world.claims.dataSource.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'ClaimRejected'`, [claim.id])).map(
      (row: { data: object }) => row.data,
    );
    expect(rejected).toMatchObject({ source: 'VALIDATION', reasonCode: 'TARIFF_MISMATCH', rejectedBy: { role: 'system', id: 'system:claim-validation' } });
  });

  it('a third run of the period makes no new claim: every enrolment already claimed is ALREADY_CLAIMED', async () => {
    const before = (await ourClaims()).map((claim) => claim.id).sort();
    const run = await feed.bill(period);
    expect(run.period).toBe(period);
    expect(ourSkips(run)).toEqual(
      [
        ...[full, sixtyPercent, unlisted, corrected].map((e) => ({ enrolmentId: e.enrolmentId, reason: 'ALREADY_CLAIMED' })),
        { enrolmentId: short.enrolmentId, reason: 'BELOW_MINIMUM_DAYS' },
        { enrolmentId: noConsent.enrolmentId, reason: 'NO_CONSENT' },
        { enrolmentId: rightsClosed.enrolmentId, reason: 'RIGHTS_CLOSED' },
      ].sort((a, b) => a.enrolmentId.localeCompare(b.enrolmentId)),
    );
    expect((await ourClaims()).map((claim) => claim.id).sort()).toEqual(before);
  });

  it('refuses a period not ended (422), a bad period (400 naming it), and a run to anyone but an admin', async () => {
    const current = periodBefore(0, feed.now());
    const notEnded = await http().post('/v1/billing-runs').set('Authorization', claimsTokens.admin).send({ period: current }).expect(422);
    expect(notEnded.body.error.code).toBe('BILLING.PERIOD_NOT_ENDED');
    for (const bad of ['2026-13', '2026-1', 'october', 202610, null]) {
      const answer = await http().post('/v1/billing-runs').set('Authorization', claimsTokens.admin).send({ period: bad }).expect(400);
      expect(answer.body.error.details).toEqual([expect.objectContaining({ field: 'period' })]);
    }
    await http().post('/v1/billing-runs').set('Authorization', claimsTokens.admin).send({}).expect(400);
    for (const token of [claimsTokens.claimsProcessor, claimsTokens.operatorOf(operatorOrg), claimsTokens.vendorOf(exploitant.siret), claimsTokens.physician('10003456789')]) {
      await http().post('/v1/billing-runs').set('Authorization', token).send({ period }).expect(403);
    }
    await http().post('/v1/billing-runs').send({ period }).expect(401);
    const unknown = await http().get('/v1/billing-runs/0190c0de-0000-7000-8000-000000000001').set('Authorization', claimsTokens.admin).expect(404);
    expect(unknown.body.error.code).toBe('BILLING.RUN_NOT_FOUND');
  });

  it('shows the tariff versions to anyone, and the file active with its tranche to the exploitant', async () => {
    const tariffs = await http().get('/v1/tariffs').set('Authorization', claimsTokens.physician('10003456789')).expect(200);
    expect(tariffs.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ version: '2023-07', validFrom: '2023-07-01' })]));
    const url = `/v1/file-active?exploitant=${exploitant.siret}&lppCode=1612544`;
    const fileActive = await http().get(url).set('Authorization', claimsTokens.vendorOf(exploitant.siret)).expect(200);
    expect(fileActive.body.items).toEqual([expect.objectContaining({ exploitant: exploitant.siret, lppCode: '1612544', semester: semesterOf(period), patients: 0 })]);
    expect(JSON.stringify(fileActive.body.items[0])).toContain('5000');
    await http().get(url).set('Authorization', claimsTokens.claimsProcessor).expect(200);
  });

  it('a late re-qualified incident makes the next run issue a corrective claim, the original cancelled as CORRECTED', async () => {
    const original = await feed.claimOf(corrected.enrolmentId, period);
    expect(original.billableDays).toBe(monthFrom3rd.length - 5);
    await feed.requalifyIncident(corrected, incidentId, 'NETWORK_COVERAGE');
    await feed.caughtUp([corrected]);

    const run = await feed.bill(period);
    expect(run.skipped).toEqual(expect.arrayContaining([{ enrolmentId: corrected.enrolmentId, reason: 'ALREADY_CLAIMED' }]));
    const [first, correction] = await feed.claimsOfEnrolment(corrected.enrolmentId, period);
    expect(first.id).toBe(original.id);
    expect(correction).toMatchObject({ correctionOf: original.id, billableDays: monthFrom3rd.length, totalCents: 7_800, period });
    expect(correction.billableDates).toEqual(monthFrom3rd);
    expect(await feed.claim(original.id)).toMatchObject({ status: 'CANCELLED', correctedBy: correction.id, cancellation: { cause: 'CORRECTED', supersededBy: correction.id } });
    // The correction takes over the claim key; the run records it.
    const [key] = await world.claims.dataSource.query(`SELECT claim_id FROM claim_keys WHERE pseudonym = $1 AND period = $2`, [corrected.pseudonym, period]);
    expect(key.claim_id).toBe(correction.id);
    const recorded = await world.claims.dataSource.query(`SELECT claim_id, correction_of FROM billing_run_corrections WHERE run_id = $1 AND correction_of = $2`, [run.id, original.id]);
    expect(recorded).toEqual([{ claim_id: correction.id, correction_of: original.id }]);
    await feed.claimInStatus(correction.id, 'SUBMITTED');

    // Nothing changed since: the next run corrects nothing more.
    await feed.bill(period);
    expect(await feed.claimsOfEnrolment(corrected.enrolmentId, period)).toHaveLength(2);
  });
});
