import { randomRpps } from '@app/testing';
import { DAY_MS, parisInstant, periodBefore, randomSiret } from '../support/billing-calendar';
import { randomNir, startClaimsWorld, type ClaimBody, type ClaimsFeed, type ClaimsWorld, type Enrolled } from '../support/claims-world';
import { claimsTokens } from '../../apps/claims/src/testing/claims.test-app';

jest.setTimeout(180_000);

/**
 * Who sees and does what on claims, over the real HTTP API: processors and
 * admins see every claim; a physician the claims of their own prescriptions;
 * an operator org or an exploitant (a vendor whose org is its SIRET) the
 * claims and remittances paying it; anyone else nothing (a claim not visible
 * is 404, a list 403 to roles that see none). Only processors adjudicate,
 * only admins start runs, resubmit and cancel, only the payee contests.
 */
describe('claims authorisation and visibility (Postgres, Kafka)', () => {
  const period = periodBefore(2);
  const mine = { rpps: randomRpps(), operatorOrg: `OP-AUTHZ-A-${randomSiret().slice(-6)}`, exploitant: { siret: randomSiret(), name: 'Exploitant A' } };
  const theirs = { rpps: randomRpps(), operatorOrg: `OP-AUTHZ-B-${randomSiret().slice(-6)}`, exploitant: { siret: randomSiret(), name: 'Exploitant B' } };
  const nir = randomNir();
  let world: ClaimsWorld;
  let feed: ClaimsFeed;
  let a: Enrolled;
  let b: Enrolled;
  let claimA: ClaimBody;
  let claimB: ClaimBody;
  const http = () => feed.http();
  const t = {
    physicianA: claimsTokens.physician(mine.rpps),
    physicianB: claimsTokens.physician(theirs.rpps),
    operatorA: claimsTokens.operatorOf(mine.operatorOrg),
    operatorB: claimsTokens.operatorOf(theirs.operatorOrg),
    vendorA: claimsTokens.vendorOf(mine.exploitant.siret),
    vendorB: claimsTokens.vendorOf(theirs.exploitant.siret),
  };
  const listIds = async (token: string, query = '') =>
    (await http().get(`/v1/claims${query}`).set('Authorization', token).expect(200)).body.items.map((claim: ClaimBody) => claim.id).sort();

  beforeAll(async () => {
    world = await startClaimsWorld();
    feed = world.feed;
    feed.moveTo(parisInstant(period, 2, 9));
    const deviceA = await feed.certifyDevice({ exploitant: mine.exploitant });
    const deviceB = await feed.certifyDevice({ exploitant: theirs.exploitant });
    a = await feed.enrol({ device: deviceA, nir, operatorOrg: mine.operatorOrg, prescriberRpps: mine.rpps });
    b = await feed.enrol({ device: deviceB, operatorOrg: theirs.operatorOrg, prescriberRpps: theirs.rpps });
    feed.advance(40 * DAY_MS);
    await feed.reportTransmissions(a);
    await feed.reportTransmissions(b);
    await feed.caughtUp([a, b]);
    await feed.bill(period);
    claimA = await feed.claimInStatus((await feed.claimOf(a.enrolmentId, period)).id, 'SUBMITTED');
    claimB = await feed.claimInStatus((await feed.claimOf(b.enrolmentId, period)).id, 'SUBMITTED');
  });

  afterAll(async () => {
    await world?.close();
  });

  it('shows every claim to processors and admins', async () => {
    // Every claim: ours among them (another test billing the same month may feed this app its own).
    for (const token of [claimsTokens.claimsProcessor, claimsTokens.admin]) expect(await listIds(token)).toEqual(expect.arrayContaining([claimA.id, claimB.id]));
  });

  it('shows a physician only the claims of their own prescriptions (another one: 404, absent from the list)', async () => {
    const own = await http().get(`/v1/claims/${claimA.id}`).set('Authorization', t.physicianA).expect(200);
    expect(own.body).toMatchObject({ id: claimA.id, prescriptionId: a.prescriptionId });
    const hidden = await http().get(`/v1/claims/${claimB.id}`).set('Authorization', t.physicianA).expect(404);
    expect(hidden.body.error.code).toBe('CLAIM.NOT_FOUND');
    expect(await listIds(t.physicianA)).toEqual([claimA.id]);
    expect(await listIds(t.physicianB)).toEqual([claimB.id]);
    expect(await listIds(claimsTokens.physician(randomRpps()))).toEqual([]);
  });

  it('shows an operator org and an exploitant only the claims paying them', async () => {
    expect(await listIds(t.operatorA)).toEqual([claimA.id]);
    expect(await listIds(t.vendorA)).toEqual([claimA.id]);
    expect(await listIds(t.operatorB)).toEqual([claimB.id]);
    expect(await listIds(t.vendorB)).toEqual([claimB.id]);
    // Filtering by someone else's payee shows nothing more.
    expect(await listIds(t.operatorA, `?payee=${theirs.operatorOrg}`)).toEqual([]);
    for (const token of [t.operatorA, t.vendorA]) await http().get(`/v1/claims/${claimB.id}`).set('Authorization', token).expect(404);
    await http().get(`/v1/claims/${claimA.id}`).set('Authorization', t.vendorA).expect(200);
    // The manufacturer that is not the exploitant is paid nothing, and sees nothing.
    expect(await listIds(claimsTokens.vendorOf(a.device.manufacturerSiret))).toEqual([]);
    // An operator's own history of the claim, without the identity.
    const history = await http().get(`/v1/claims/${claimA.id}/history`).set('Authorization', t.operatorA).expect(200);
    expect(history.body.items.map((item: { type: string }) => item.type)).toEqual(expect.arrayContaining(['ClaimCreated', 'ClaimSubmitted']));
    expect(JSON.stringify(history.body)).not.toContain('identityEncrypted');
    await http().get(`/v1/claims/${claimA.id}/history`).set('Authorization', t.operatorB).expect(404);
  });

  it('refuses the list to patients, evaluators and auditors (403), and a claim to them (404)', async () => {
    for (const token of [claimsTokens.patient(nir), claimsTokens.evaluator, claimsTokens.auditor]) {
      await http().get('/v1/claims').set('Authorization', token).expect(403);
      await http().get(`/v1/claims/${claimA.id}`).set('Authorization', token).expect(404);
    }
    await http().get('/v1/claims').expect(401);
  });

  it('lets only a claims processor adjudicate (403 to those who see the claim, 404 to those who do not)', async () => {
    const approve = { decision: 'APPROVE' };
    for (const token of [claimsTokens.admin, t.operatorB, t.vendorB, t.physicianB]) await feed.adjudicate(claimB.id, approve, token).expect(403);
    for (const token of [t.operatorA, t.vendorA, t.physicianA]) await feed.adjudicate(claimB.id, approve, token).expect(404);
    await feed.adjudicate(claimB.id, approve, claimsTokens.patient(nir)).expect((answer) => expect([403, 404]).toContain(answer.status));
    expect(await feed.claim(claimB.id)).toMatchObject({ status: 'SUBMITTED' });
    await feed.adjudicate(claimB.id, approve).expect(200);
  });

  it('lets only the payee contest a rejected claim: a non-payee is 403 when it sees the claim, 404 otherwise', async () => {
    await feed.adjudicate(claimA.id, { decision: 'REJECT', reasonCode: 'OTHER', note: 'checking the prescription' }).expect(200);
    const body = { note: 'the prescription is in order' };
    for (const token of [t.operatorB, t.vendorB, t.physicianB]) await http().post(`/v1/claims/${claimA.id}/contest`).set('Authorization', token).send(body).expect(404);
    for (const token of [t.physicianA, claimsTokens.claimsProcessor, claimsTokens.admin]) {
      await http().post(`/v1/claims/${claimA.id}/contest`).set('Authorization', token).send(body).expect(403);
    }
    const contested = await http().post(`/v1/claims/${claimA.id}/contest`).set('Authorization', t.operatorA).send(body).expect(200);
    expect(contested.body).toMatchObject({ status: 'SUBMITTED', contested: true });
  });

  it('lets only an admin start runs, resubmit and cancel', async () => {
    for (const token of [claimsTokens.claimsProcessor, t.operatorA, t.vendorA, t.physicianA]) {
      await http().post('/v1/billing-runs').set('Authorization', token).send({ period }).expect(403);
      await http().post(`/v1/claims/${claimA.id}/resubmission`).set('Authorization', token).send({}).expect(403);
      await http().post(`/v1/claims/${claimA.id}/cancellation`).set('Authorization', token).send({ reason: 'no' }).expect(403);
    }
    await http().post(`/v1/claims/${claimB.id}/resubmission`).set('Authorization', t.operatorA).send({}).expect((answer) => expect([403, 404]).toContain(answer.status));
    // An admin may: a claim that is not SUBMISSION_FAILED is then a conflict, not a refusal.
    const conflict = await http().post(`/v1/claims/${claimA.id}/resubmission`).set('Authorization', claimsTokens.admin).send({}).expect(409);
    expect(conflict.body.error.code).toBe('CLAIM.NOT_SUBMISSION_FAILED');
  });

  it('shows a payee only its own remittances; processors and admins all; others none', async () => {
    await feed.claimInStatus(claimB.id, 'PAID');
    const all = (await http().get('/v1/remittances').set('Authorization', claimsTokens.claimsProcessor).expect(200)).body.items;
    expect(all.map((r: { payee: string }) => r.payee).sort()).toEqual([theirs.operatorOrg, theirs.exploitant.siret].sort());
    const ofB = (await http().get('/v1/remittances').set('Authorization', t.operatorB).expect(200)).body.items;
    expect(ofB.map((r: { payee: string }) => r.payee)).toEqual([theirs.operatorOrg]);
    const ofVendorB = (await http().get('/v1/remittances').set('Authorization', t.vendorB).expect(200)).body.items;
    expect(ofVendorB.map((r: { payee: string }) => r.payee)).toEqual([theirs.exploitant.siret]);
    for (const token of [t.operatorA, t.vendorA]) {
      expect((await http().get('/v1/remittances').set('Authorization', token).expect(200)).body.items).toEqual([]);
      for (const remittance of all) await http().get(`/v1/remittances/${remittance.id}`).set('Authorization', token).expect(404);
    }
    for (const token of [t.physicianB, claimsTokens.patient(nir), claimsTokens.auditor]) await http().get('/v1/remittances').set('Authorization', token).expect(403);
    await http().get(`/v1/remittances/${all[0].id}`).set('Authorization', claimsTokens.admin).expect(200);
  });

  it("answers a patient's export with their own claims alone", async () => {
    const { body } = await http().get('/internal/patient-export').set('Authorization', claimsTokens.patient(nir)).expect(200);
    expect(body.claims.map((claim: ClaimBody) => claim.id)).toEqual([claimA.id]);
    expect(JSON.stringify(body)).not.toContain('identityEncrypted');
    const nobody = await http().get('/internal/patient-export').set('Authorization', claimsTokens.patient(randomNir())).expect(200);
    expect(nobody.body).toEqual({ claims: [] });
  });
});
