import { DAY_MS, parisInstant, periodBefore, randomSiret } from '../support/billing-calendar';
import { startClaimsWorld, type ClaimBody, type ClaimsFeed, type ClaimsWorld, type Enrolled } from '../support/claims-world';
import { claimsTokens } from '../../apps/claims/src/testing/claims.test-app';

jest.setTimeout(180_000);

/**
 * Submission to the AMO through the simulator adapter, over the real Kafka,
 * Postgres and Redis: a BullMQ job per claim, retried with backoff (short in
 * tests: 3 attempts, 20 ms then doubled). An AMO that fails twice then
 * answers RECEIVED gives a SUBMITTED claim; one that stays down a
 * SUBMISSION_FAILED claim an admin resubmits; a refusal a REJECTED one.
 */
describe('submission of claims to the AMO (simulator, retries, resubmission)', () => {
  const period = periodBefore(2);
  let world: ClaimsWorld;
  let feed: ClaimsFeed;
  let flaky: Enrolled;
  let down: Enrolled;
  let refused: Enrolled;
  const claims: Record<string, ClaimBody> = {};
  const http = () => feed.http();
  const eventsOf = async (claimId: string, type: string): Promise<Array<Record<string, unknown>>> =>
    (await world.claims.dataSource.query(`SELECT data FROM events WHERE stream_id = $1 AND type = $2 ORDER BY version`, [claimId, type])).map(
      (row: { data: Record<string, unknown> }) => row.data,
    );

  beforeAll(async () => {
    world = await startClaimsWorld({ operatorOrg: `OP-SUBMIT-${randomSiret().slice(-6)}` });
    feed = world.feed;
    feed.moveTo(parisInstant(period, 2, 9));
    const device = await feed.certifyDevice();
    flaky = await feed.enrol({ device });
    down = await feed.enrol({ device });
    refused = await feed.enrol({ device });
    feed.advance(40 * DAY_MS);
    for (const enrolled of [flaky, down, refused]) await feed.reportTransmissions(enrolled);
    await feed.caughtUp([flaky, down, refused]);
    await feed.simulateAmo({ behaviour: 'FAIL', failures: 2 }, flaky.pseudonym);
    await feed.simulateAmo({ behaviour: 'DOWN' }, down.pseudonym);
    await feed.simulateAmo({ behaviour: 'REFUSE', reasonCode: 'IDENTITY_UNKNOWN' }, refused.pseudonym);
    const run = await feed.bill(period);
    // Another test of the machine billing the same month may add its enrolments to the run: ours are all claimed by it.
    for (const [name, enrolled] of Object.entries({ flaky, down, refused })) {
      claims[name] = await feed.claimOf(enrolled.enrolmentId, period);
      expect(claims[name].billingRunId).toBe(run.id);
    }
  });

  afterAll(async () => {
    await world?.close();
  });

  it('an AMO that fails twice then receives it: SUBMITTED after three attempts, with the AMO reference', async () => {
    const claim = await feed.claimInStatus(claims.flaky.id, 'SUBMITTED');
    expect(claim.amoReference).toEqual(expect.any(String));
    const [submitted] = await eventsOf(claim.id, 'ClaimSubmitted');
    expect(submitted).toMatchObject({ attempts: 3, amoReference: claim.amoReference });
    expect(await eventsOf(claim.id, 'ClaimSubmissionFailed')).toEqual([]);
    const actions = (await feed.auditEntriesOf(claim.id)).map((entry) => entry.action);
    expect(actions).toEqual(['claim.created', 'claim.submitted']);
  });

  it('an AMO that stays down: SUBMISSION_FAILED, listed as such; an admin resubmits once it is back, and it is SUBMITTED', async () => {
    const failed = await feed.claimInStatus(claims.down.id, 'SUBMISSION_FAILED');
    expect(failed.submissionFailure).toMatchObject({ attempts: 3, lastError: expect.any(String) });
    const listed = await http().get(`/v1/claims?status=SUBMISSION_FAILED&period=${period}&payee=${down.operatorOrg}`).set('Authorization', claimsTokens.admin).expect(200);
    expect(listed.body.items.map((claim: ClaimBody) => claim.id)).toEqual([failed.id]);

    // Only an admin resubmits (the payee and the processor see the claim: 403).
    for (const token of [claimsTokens.claimsProcessor, claimsTokens.operatorOf(down.operatorOrg), claimsTokens.vendorOf(down.device.exploitant.siret)]) {
      await http().post(`/v1/claims/${failed.id}/resubmission`).set('Authorization', token).send({}).expect(403);
    }
    await feed.simulateAmo({ behaviour: 'RECEIVE' }, down.pseudonym);
    const resubmitted = await http().post(`/v1/claims/${failed.id}/resubmission`).set('Authorization', claimsTokens.admin).send({}).expect(200);
    expect(resubmitted.body).toMatchObject({ id: failed.id, submission: 2, version: failed.version + 1 });
    expect(['CREATED', 'SUBMITTED']).toContain(resubmitted.body.status);
    const submitted = await feed.claimInStatus(failed.id, 'SUBMITTED');
    expect(submitted.submission).toBe(2);
    const [requested] = await eventsOf(failed.id, 'ClaimResubmissionRequested');
    expect(requested).toMatchObject({ submission: 2, requestedBy: { role: 'admin' } });

    // Not SUBMISSION_FAILED any more: a second resubmission is refused.
    const again = await http().post(`/v1/claims/${failed.id}/resubmission`).set('Authorization', claimsTokens.admin).send({}).expect(409);
    expect(again.body.error.code).toBe('CLAIM.NOT_SUBMISSION_FAILED');
    const actions = (await feed.auditEntriesOf(failed.id)).map((entry) => entry.action);
    expect(actions).toEqual(['claim.created', 'claim.submission_failed', 'claim.resubmission_requested', 'claim.submitted']);
  });

  it('an AMO that refuses it with a reason code: REJECTED, source AMO', async () => {
    const claim = await feed.claimInStatus(claims.refused.id, 'REJECTED');
    expect(claim.rejection).toMatchObject({ source: 'AMO', reasonCode: 'IDENTITY_UNKNOWN' });
    const [rejected] = await eventsOf(claim.id, 'ClaimRejected');
    expect(rejected).toMatchObject({ source: 'AMO', reasonCode: 'IDENTITY_UNKNOWN', rejectedBy: { role: 'system', id: 'system:amo' } });
  });

  it('a simulator setting that is not one refuses with 400, and only an admin sets it', async () => {
    const bad = await http().put('/internal/amo-claims-simulator').set('Authorization', claimsTokens.admin).send({ behaviour: 'SOMETIMES' }).expect(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'behaviour' })]);
    await http().put('/internal/amo-claims-simulator').set('Authorization', claimsTokens.claimsProcessor).send({ behaviour: 'RECEIVE' }).expect(403);
  });

  it('never keeps the identity in clear: the claim events carry it as the enrolment sealed it', async () => {
    const rows = await world.claims.dataSource.query(`SELECT data FROM events WHERE stream_id = ANY($1) AND type = 'ClaimCreated'`, [Object.values(claims).map((claim) => claim.id)]);
    expect(rows).toHaveLength(3);
    const raw = JSON.stringify(rows);
    for (const enrolled of [flaky, down, refused]) expect(raw).not.toContain(enrolled.nir);
    expect(raw).not.toContain('1984-03-02');
  });
});
