import { eventually } from '@app/testing';
import { DAY_MS, parisInstant, periodBefore, randomSiret } from '../support/billing-calendar';
import { startClaimsWorld, type ClaimBody, type ClaimsFeed, type ClaimsWorld, type Enrolled } from '../support/claims-world';
import { claimsTokens } from '../../apps/claims/src/testing/claims.test-app';

jest.setTimeout(180_000);

interface RemittanceBody {
  id: string;
  payee: string;
  paidAt: string;
  reference: string;
  totalCents: number;
  claims: { claimId: string; lines: { kind: string; code: string; amountCents: number }[]; amountCents: number }[];
}

/**
 * Adjudication line by line, payment and remittances, over the real Kafka,
 * Postgres and Redis: one claim approved, one decided line by line, one
 * rejected and contested by its payee; the payment job pays the approved
 * lines and groups them per payee (the operator org, the exploitant) into
 * remittances; a paid claim cancelled becomes a credit line on its payees'
 * next remittance.
 */
describe('adjudication, payment and remittances', () => {
  const period = periodBefore(2);
  const operatorOrg = `OP-PAY-${randomSiret().slice(-6)}`;
  const exploitant = { siret: randomSiret(), name: 'Exploitation Télésuivi SAS' };
  const operator = claimsTokens.operatorOf(operatorOrg);
  const vendor = claimsTokens.vendorOf(exploitant.siret);
  let world: ClaimsWorld;
  let feed: ClaimsFeed;
  const enrolled: Record<'approved' | 'partial' | 'rejected' | 'later', Enrolled> = {} as never;
  const claims: Record<string, ClaimBody> = {};
  const http = () => feed.http();

  const remittancesOf = async (payee: string, token = claimsTokens.claimsProcessor): Promise<RemittanceBody[]> =>
    (await http().get(`/v1/remittances?payee=${payee}&pageSize=200`).set('Authorization', token).expect(200)).body.items;
  const remittedLines = (remittances: RemittanceBody[], claimId: string) =>
    remittances.flatMap((remittance) => remittance.claims.filter((claim) => claim.claimId === claimId));

  beforeAll(async () => {
    world = await startClaimsWorld({ operatorOrg, exploitant });
    feed = world.feed;
    feed.moveTo(parisInstant(period, 2, 9));
    const device = await feed.certifyDevice();
    enrolled.approved = await feed.enrol({ device, ald: true });
    enrolled.partial = await feed.enrol({ device, ald: false });
    enrolled.rejected = await feed.enrol({ device, ald: true });
    enrolled.later = await feed.enrol({ device, ald: true });
    feed.advance(40 * DAY_MS);
    for (const one of Object.values(enrolled)) await feed.reportTransmissions(one);
    await feed.caughtUp(Object.values(enrolled));
    await feed.bill(period);
    for (const [name, one] of Object.entries(enrolled)) claims[name] = await feed.claimInStatus((await feed.claimOf(one.enrolmentId, period)).id, 'SUBMITTED');
  });

  afterAll(async () => {
    await world?.close();
  });

  it('serves the work queue oldest first, filtered by period, payee and indication, and the reason codes', async () => {
    // The payee filter keeps to this test's claims (another test billing the same month may feed this app too).
    const queue = await http().get(`/v1/claims?status=SUBMITTED&sort=oldest&payee=${operatorOrg}`).set('Authorization', claimsTokens.claimsProcessor).expect(200);
    expect(queue.body).toMatchObject({ page: 1, total: 4 });
    const submittedAt = queue.body.items.map((claim: ClaimBody) => claim.submittedAt ?? claim.updatedAt);
    expect(submittedAt).toEqual([...submittedAt].sort());
    const newest = await http().get(`/v1/claims?status=SUBMITTED&sort=newest&payee=${operatorOrg}`).set('Authorization', claimsTokens.claimsProcessor).expect(200);
    expect(newest.body.items.map((claim: ClaimBody) => claim.id)).toEqual([...queue.body.items.map((claim: ClaimBody) => claim.id)].reverse());
    const count = async (query: string) => (await http().get(`/v1/claims?${query}`).set('Authorization', claimsTokens.claimsProcessor).expect(200)).body.total;
    expect(await count(`period=${period}&payee=${operatorOrg}`)).toBe(4);
    expect(await count(`payee=${exploitant.siret}&indication=HEART_FAILURE`)).toBe(4);
    expect(await count(`payee=SOMEONE-ELSE`)).toBe(0);
    expect(await count(`payee=${operatorOrg}&indication=DIABETES`)).toBe(0);
    expect(await count(`payee=${operatorOrg}&period=${periodBefore(3)}`)).toBe(0);
    await http().get('/v1/claims?status=NOT_A_STATUS').set('Authorization', claimsTokens.claimsProcessor).expect(400);
    await http().get('/v1/claims?period=2026-13').set('Authorization', claimsTokens.claimsProcessor).expect(400);

    const reasons = await http().get('/v1/claims/reason-codes').set('Authorization', claimsTokens.claimsProcessor).expect(200);
    expect(reasons.body.items.map((reason: { code: string }) => reason.code)).toEqual(
      expect.arrayContaining(['NOT_BILLABLE_DAYS', 'CERTIFICATION_LAPSED', 'NO_CONSENT', 'DUPLICATE', 'TARIFF_MISMATCH', 'RIGHTS_CLOSED', 'IDENTITY_UNKNOWN', 'OTHER']),
    );
    expect(reasons.body.items.every((reason: { label: string }) => typeof reason.label === 'string' && reason.label.length > 0)).toBe(true);
  });

  it('refuses a decision that is not well-formed, naming the field (400), and writes nothing', async () => {
    const id = claims.partial.id;
    const refusals: [object, string][] = [
      [{ decision: 'MAYBE' }, 'decision'],
      [{ decision: 'REJECT' }, 'reasonCode'],
      [{ decision: 'REJECT', reasonCode: 'BECAUSE' }, 'reasonCode'],
      [{ decision: 'PARTIAL', lines: [{ kind: 'OPERATOR', decision: 'APPROVE' }] }, 'lines'],
      [{ decision: 'PARTIAL', lines: [{ kind: 'OPERATOR', decision: 'REJECT', reasonCode: 'OTHER' }, { kind: 'TECHNICAL', decision: 'REJECT', reasonCode: 'OTHER' }] }, 'lines'],
      [{ decision: 'PARTIAL', lines: [{ kind: 'OPERATOR', decision: 'APPROVE' }, { kind: 'OPERATOR', decision: 'REJECT', reasonCode: 'OTHER' }] }, 'lines[1].kind'],
      [{ decision: 'PARTIAL', lines: [{ kind: 'OPERATOR', decision: 'APPROVE' }, { kind: 'TECHNICAL', decision: 'REJECT' }] }, 'lines[1].reasonCode'],
      [{ decision: 'PARTIAL', lines: [{ kind: 'OPERATOR', decision: 'APPROVE' }, { kind: 'DELIVERY', decision: 'REJECT', reasonCode: 'OTHER' }] }, 'lines[1].kind'],
    ];
    for (const [body, field] of refusals) {
      const answer = await feed.adjudicate(id, body);
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), 400]);
      expect([JSON.stringify(body), answer.body.error.details.map((d: { field: string }) => d.field)]).toEqual([JSON.stringify(body), expect.arrayContaining([field])]);
    }
    expect(await feed.claim(id)).toMatchObject({ status: 'SUBMITTED', version: claims.partial.version });
  });

  it('approves a claim: APPROVED with every line, then PAID by the payment job; a second decision is 409 CLAIM.NOT_SUBMITTED', async () => {
    const { body } = await feed.adjudicate(claims.approved.id, { decision: 'APPROVE' }).expect(200);
    expect(body).toMatchObject({ id: claims.approved.id, status: 'APPROVED', approvedCents: 7_800, amoShareCents: 7_800, version: claims.approved.version + 1 });
    const again = await feed.adjudicate(claims.approved.id, { decision: 'REJECT', reasonCode: 'OTHER' }).expect(409);
    expect(again.body.error.code).toBe('CLAIM.NOT_SUBMITTED');
    const paid = await feed.claimInStatus(claims.approved.id, 'PAID');
    expect(paid.payment).toMatchObject({ reference: expect.any(String), paidAt: expect.any(String) });
    claims.approved = paid;
    const [adjudicated] = (await feed.auditEntriesOf(paid.id)).filter((entry) => entry.action === 'claim.adjudicated');
    expect(adjudicated).toMatchObject({ decision: 'APPROVED', actor: { role: 'claims_processor' } });
    expect(adjudicated.relatedSubjects).toEqual(expect.arrayContaining([`prescription:${enrolled.approved.prescriptionId}`, `device:${enrolled.approved.device.deviceId}`]));
  });

  it('decides a claim line by line: the claimed and approved amounts both kept, the AMO share recomputed on the approved line', async () => {
    const { body } = await feed
      .adjudicate(claims.partial.id, {
        decision: 'PARTIAL',
        lines: [
          { kind: 'TECHNICAL', decision: 'REJECT', reasonCode: 'CERTIFICATION_LAPSED' },
          { kind: 'OPERATOR', decision: 'APPROVE' },
        ],
      })
      .expect(200);
    // Not ALD: 60 % of the approved 2,800 cents.
    expect(body).toMatchObject({ status: 'APPROVED', totalCents: 7_800, approvedCents: 2_800, amoShareCents: 1_680, patientShareCents: 1_120 });
    const byKind = Object.fromEntries(body.lines.map((line: ClaimBody) => [line.kind, line]));
    expect(byKind.OPERATOR).toMatchObject({ amountCents: 2_800, approvedCents: 2_800, amoShareCents: 1_680 });
    expect(byKind.TECHNICAL).toMatchObject({ amountCents: 5_000, approvedCents: 0, rejection: { reasonCode: 'CERTIFICATION_LAPSED' } });
    claims.partial = await feed.claimInStatus(claims.partial.id, 'PAID');
    expect(claims.partial.payment).toMatchObject({ reference: expect.any(String) });
    const [adjudicated] = (await feed.auditEntriesOf(claims.partial.id)).filter((entry) => entry.action === 'claim.adjudicated');
    expect(adjudicated.decision).toBe('PARTIAL');
  });

  it('rejects a claim with a reason and a note; its payee contests it once, which puts it back in the queue', async () => {
    const id = claims.rejected.id;
    const note = 'no transmission on the 12th';
    const { body: rejected } = await feed.adjudicate(id, { decision: 'REJECT', reasonCode: 'NOT_BILLABLE_DAYS', note }).expect(200);
    expect(rejected).toMatchObject({ status: 'REJECTED', rejection: { source: 'PROCESSOR', reasonCode: 'NOT_BILLABLE_DAYS', note } });
    // The note is sealed, never in clear in the claims schema.
    const stored = JSON.stringify(await world.claims.dataSource.query(`SELECT * FROM claims WHERE id = $1`, [id]));
    expect(stored).not.toContain(note);

    const contest = 'the device transmitted on the 12th: see the operator platform logs';
    const { body: contested } = await http().post(`/v1/claims/${id}/contest`).set('Authorization', vendor).send({ note: contest }).expect(200);
    expect(contested).toMatchObject({ status: 'SUBMITTED', contested: true });
    const queue = await http().get(`/v1/claims?status=SUBMITTED&payee=${operatorOrg}`).set('Authorization', claimsTokens.claimsProcessor).expect(200);
    expect(queue.body.items.map((claim: ClaimBody) => claim.id)).toContain(id);
    const [entry] = (await feed.auditEntriesOf(id)).filter((e) => e.action === 'claim.contested');
    expect(entry).toMatchObject({ decision: 'CONTESTED', actor: { role: 'vendor' } });

    // Rejected again: the payee may not contest a second time.
    await feed.adjudicate(id, { decision: 'REJECT', reasonCode: 'NOT_BILLABLE_DAYS' }).expect(200);
    const second = await http().post(`/v1/claims/${id}/contest`).set('Authorization', operator).send({ note: 'again' }).expect(409);
    expect(second.body.error.code).toBe('CLAIM.ALREADY_CONTESTED');
    // A claim that is not REJECTED cannot be contested.
    const notRejected = await http().post(`/v1/claims/${claims.later.id}/contest`).set('Authorization', operator).send({ note: 'why' }).expect(409);
    expect(notRejected.body.error.code).toBe('CLAIM.NOT_REJECTED');
  });

  it('groups the approved lines per payee into remittances: the operator org and the exploitant each their own, with the AMO shares', async () => {
    const ofOperator = await remittancesOf(operatorOrg);
    const ofExploitant = await remittancesOf(exploitant.siret);
    expect(ofOperator.length).toBeGreaterThan(0);
    expect(ofExploitant.length).toBeGreaterThan(0);
    for (const remittance of ofOperator) expect(remittance.payee).toBe(operatorOrg);
    for (const remittance of ofExploitant) expect(remittance.payee).toBe(exploitant.siret);
    for (const remittance of [...ofOperator, ...ofExploitant]) {
      expect(remittance).toMatchObject({ id: expect.any(String), reference: expect.any(String), paidAt: expect.any(String) });
      expect(remittance.totalCents).toBe(remittance.claims.reduce((sum, claim) => sum + claim.amountCents, 0));
      for (const claim of remittance.claims) expect(claim.amountCents).toBe(claim.lines.reduce((sum, line) => sum + line.amountCents, 0));
    }
    expect(remittedLines(ofOperator, claims.approved.id)).toEqual([
      expect.objectContaining({ claimId: claims.approved.id, lines: [{ kind: 'OPERATOR', code: 'TVB', amountCents: 2_800 }], amountCents: 2_800 }),
    ]);
    expect(remittedLines(ofExploitant, claims.approved.id)).toEqual([expect.objectContaining({ lines: [{ kind: 'TECHNICAL', code: '1612544', amountCents: 5_000 }], amountCents: 5_000 })]);
    expect(remittedLines(ofOperator, claims.partial.id)).toEqual([expect.objectContaining({ lines: [{ kind: 'OPERATOR', code: 'TVB', amountCents: 1_680 }], amountCents: 1_680 })]);
    // The rejected technical line is not paid; neither is anything of the rejected claim.
    expect(remittedLines(ofExploitant, claims.partial.id)).toEqual([]);
    expect(remittedLines([...ofOperator, ...ofExploitant], claims.rejected.id)).toEqual([]);

    // Each payee sees its own; another payee's remittance is 404 to it.
    const own = await remittancesOf(operatorOrg, operator);
    expect(own.map((r) => r.id).sort()).toEqual(ofOperator.map((r) => r.id).sort());
    expect(await remittancesOf(exploitant.siret, operator)).toEqual([]);
    await http().get(`/v1/remittances/${ofExploitant[0].id}`).set('Authorization', operator).expect(404);
    await http().get(`/v1/remittances/${ofExploitant[0].id}`).set('Authorization', vendor).expect(200);
    const one = await http().get(`/v1/remittances/${ofOperator[0].id}`).set('Authorization', claimsTokens.admin).expect(200);
    expect(one.body).toEqual(ofOperator[0]);
  });

  it("cancels a paid claim (admin): CANCELLED with a credit, taken as a credit line on each payee's next remittance", async () => {
    const id = claims.approved.id;
    await http().post(`/v1/claims/${id}/cancellation`).set('Authorization', claimsTokens.claimsProcessor).send({ reason: 'duplicate of a paper claim' }).expect(403);
    const { body } = await http().post(`/v1/claims/${id}/cancellation`).set('Authorization', claimsTokens.admin).send({ reason: 'duplicate of a paper claim' }).expect(200);
    expect(body).toMatchObject({ status: 'CANCELLED', creditCents: 7_800, cancellation: { cause: 'BY_ADMIN', reason: 'duplicate of a paper claim' } });
    const twice = await http().post(`/v1/claims/${id}/cancellation`).set('Authorization', claimsTokens.admin).send({ reason: 'again' }).expect(409);
    expect(twice.body.error.code).toBe('CLAIM.ALREADY_CANCELLED');
    const before = new Set([...(await remittancesOf(operatorOrg)), ...(await remittancesOf(exploitant.siret))].map((r) => r.id));

    // The next approval makes the next payment run: it takes the credit.
    await feed.adjudicate(claims.later.id, { decision: 'APPROVE' }).expect(200);
    await feed.claimInStatus(claims.later.id, 'PAID');
    const settled = await eventually('the credit settled', async () => {
      const claim = await feed.claim(id);
      return claim.creditSettled ? claim : undefined;
    });
    expect(settled.status).toBe('CANCELLED');
    const credits = async (payee: string) => remittedLines((await remittancesOf(payee)).filter((r) => !before.has(r.id)), id);
    expect(await credits(operatorOrg)).toEqual([expect.objectContaining({ lines: [{ kind: 'OPERATOR', code: 'TVB', amountCents: -2_800 }], amountCents: -2_800 })]);
    expect(await credits(exploitant.siret)).toEqual([expect.objectContaining({ lines: [{ kind: 'TECHNICAL', code: '1612544', amountCents: -5_000 }], amountCents: -5_000 })]);
    const actions = (await feed.auditEntriesOf(id)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['claim.paid', 'claim.cancelled', 'claim.credit_settled']));
  });
});
