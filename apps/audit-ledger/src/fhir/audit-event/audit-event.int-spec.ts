import { expectValidFhir, testSigners } from '@app/testing';
import type { AuditEvent, Bundle } from '@medplum/fhirtypes';
import { bearer, PRESCRIBER_RPPS, startAuditLedger, TEST_WRITERS, tokens, type AuditLedgerTestApp } from '../../testing/audit-ledger.test-app';
import { idsOf, LedgerFhirFeed, linkPath } from '../ledger-fhir.int-fixture';
import { LEDGER_EXTENSIONS } from '../ledger-fhir.urls';

jest.setTimeout(120_000);

const resources = (bundle: Bundle): AuditEvent[] => (bundle.entry ?? []).map((entry) => entry.resource as AuditEvent);
const indexOf = (event: AuditEvent): number =>
  event.extension!.find((e) => e.url === LEDGER_EXTENSIONS.ledgerEntry)!.extension!.find((e) => e.url === 'index')!.valueUnsignedInt!;

/**
 * `GET /fhir/R4/AuditEvent` and `/AuditEvent/:id` over the real service
 * (Postgres, Kafka): entries sealed as the services seal them and appended
 * by the ledger, read back with the visibility of GET /v1/ledger/entries,
 * every resource validated.
 */
describe('FHIR AuditEvent (Postgres, Kafka)', () => {
  let t: AuditLedgerTestApp;
  let feed: LedgerFhirFeed;
  let firstWaveLastUpdated: string;

  beforeAll(async () => {
    t = await startAuditLedger({ signers: testSigners([...TEST_WRITERS, 'patients']) });
    feed = new LedgerFhirFeed(t);
    await feed.firstWave();
    const first = await feed.bundle('/fhir/R4/AuditEvent', tokens.auditor);
    firstWaveLastUpdated = resources(first).map((event) => event.meta!.lastUpdated!).sort().at(-1)!;
    await feed.secondWave();
  });

  afterAll(async () => {
    await t?.close();
  });

  const all = () => Object.values(feed.entries).sort();

  it('lists AuditEvent in the service capabilities, with the parameters it parses', async () => {
    const answer = await feed.http().get('/internal/fhir/capabilities').expect(200);
    const type = answer.body.resources.find((resource: { type: string }) => resource.type === 'AuditEvent');
    expect(type.interactions).toEqual(['read', 'search-type']);
    expect(type.searchParams.map((param: { name: string }) => param.name)).toEqual(['patient', '_lastUpdated', '_count', '_page']);
  });

  it('reads an entry as an AuditEvent: its id, time, action and ledger place those of GET /v1/ledger/entries', async () => {
    const listed = await feed.http().get(`/v1/ledger/entries?subject=prescription:${feed.ids.prescriptionA}`).set('Authorization', tokens.auditor).expect(200);
    const served = listed.body.items.find((item: { entry: { id: string } }) => item.entry.id === feed.entries.issuedA);
    const event = (await feed.fhir(`/fhir/R4/AuditEvent/${feed.entries.issuedA}`, tokens.auditor)).body as AuditEvent;
    expectValidFhir(event);
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      id: feed.entries.issuedA,
      meta: { versionId: '1' },
      type: { code: 'prescription.issued' },
      action: 'C',
      recorded: served.entry.occurredAt,
      outcome: '0',
      agent: [{ who: { identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810003456789' } }, altId: 'prescriber-user', requestor: true }],
      entity: [
        { what: { reference: `DeviceRequest/${feed.ids.prescriptionA}` } },
        { what: { reference: `DeviceDefinition/${feed.ids.device}` } },
        { what: { reference: `Patient/${feed.a}` } },
      ],
    });
    expect(indexOf(event)).toBe(served.index);
    const ledgerEntry = event.extension!.find((e) => e.url === LEDGER_EXTENSIONS.ledgerEntry)!.extension!;
    expect(ledgerEntry.find((e) => e.url === 'leafHash')?.valueString).toBe(served.leafHash);
    expect(ledgerEntry.find((e) => e.url === 'prevHash')?.valueString).toBe(served.entry.prevHash);
    expect(Date.parse(event.meta!.lastUpdated!)).toBeGreaterThanOrEqual(Date.parse(served.entry.occurredAt));
  });

  it('answers 404 OperationOutcome for an entry that does not exist, whatever its id', async () => {
    const missing = await feed.outcome('/fhir/R4/AuditEvent/01950000-0000-7000-8000-00000000ffff', tokens.auditor, 404);
    expectValidFhir(missing);
    expect(missing.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
    await feed.outcome('/fhir/R4/AuditEvent/not-an-entry-id', tokens.auditor, 404);
  });

  it('searches by patient: exactly the entries naming that patient, by reference or bare pseudonym', async () => {
    const a = await feed.bundle(`/fhir/R4/AuditEvent?patient=Patient/${feed.a}`, tokens.auditor);
    expect(idsOf(a)).toEqual([feed.entries.issuedA, feed.entries.consentA, feed.entries.claimA].sort());
    expect(a.total).toBe(3);
    for (const event of resources(a)) {
      expectValidFhir(event);
      expect(event.entity?.map((entity) => entity.what?.reference)).toContain(`Patient/${feed.a}`);
    }
    const b = await feed.bundle(`/fhir/R4/AuditEvent?patient=${feed.b}`, tokens.auditor);
    expect(idsOf(b)).toEqual([feed.entries.issuedB, feed.entries.refusedB, feed.entries.erasedB].sort());
    expect(b.entry?.[0].fullUrl).toMatch(new RegExp(`/fhir/R4/AuditEvent/${b.entry?.[0].resource?.id}$`));
  });

  it('shows an auditor every entry, a physician those of their own prescriptions and attempts only', async () => {
    expect(idsOf(await feed.bundle('/fhir/R4/AuditEvent?_count=200', tokens.auditor))).toEqual(all());
    const mine = await feed.bundle('/fhir/R4/AuditEvent', tokens.prescriber);
    expect(idsOf(mine)).toEqual([feed.entries.issuedA, feed.entries.consentA, feed.entries.claimA].sort());
    resources(mine).forEach(expectValidFhir);
    // The same prescriber under another account: their RPPS in the prescriptions' evidence still makes them theirs (prescriber-access).
    const sameRpps = bearer({ role: 'physician', sub: 'prescriber-second-account', rpps: PRESCRIBER_RPPS, specialty: 'cardiology' });
    expect(idsOf(await feed.bundle('/fhir/R4/AuditEvent', sameRpps))).toEqual(idsOf(mine));
    const theirs = await feed.bundle('/fhir/R4/AuditEvent', tokens.otherPhysician);
    expect(idsOf(theirs)).toEqual([feed.entries.issuedB, feed.entries.refusedB].sort());
  });

  it("gives a physician asking for another's patient an empty Bundle, and another's entry a 404", async () => {
    const others = await feed.bundle(`/fhir/R4/AuditEvent?patient=${feed.b}`, tokens.prescriber);
    expect(others.total).toBe(0);
    expect(others.entry ?? []).toEqual([]);
    await feed.outcome(`/fhir/R4/AuditEvent/${feed.entries.issuedB}`, tokens.prescriber, 404);
    await feed.outcome(`/fhir/R4/AuditEvent/${feed.entries.certified}`, tokens.prescriber, 404);
    await feed.outcome(`/fhir/R4/AuditEvent/${feed.entries.erasedB}`, tokens.otherPhysician, 404);
    expect((await feed.fhir(`/fhir/R4/AuditEvent/${feed.entries.claimA}`, tokens.prescriber)).body.id).toBe(feed.entries.claimA);
  });

  it('refuses every other role with 403 OperationOutcome, as the JSON ledger does', async () => {
    for (const token of [tokens.operator, bearer({ role: 'patient', nir: '184037512345690' }), bearer({ role: 'admin' })]) {
      const outcome = await feed.outcome(`/fhir/R4/AuditEvent?patient=${feed.a}`, token, 403);
      expect(outcome.issue[0].code).toBe('forbidden');
      await feed.outcome(`/fhir/R4/AuditEvent/${feed.entries.issuedA}`, token, 403);
    }
  });

  it('filters on _lastUpdated, when the ledger appended the entry', async () => {
    const later = await feed.bundle(`/fhir/R4/AuditEvent?_lastUpdated=gt${firstWaveLastUpdated}`, tokens.auditor);
    expect(idsOf(later)).toEqual([feed.entries.claimA, feed.entries.refusedB, feed.entries.erasedB].sort());
    const earlier = await feed.bundle(`/fhir/R4/AuditEvent?_lastUpdated=le${firstWaveLastUpdated}&patient=${feed.a}`, tokens.auditor);
    expect(idsOf(earlier)).toEqual([feed.entries.issuedA, feed.entries.consentA].sort());
    const range = await feed.bundle(`/fhir/R4/AuditEvent?_lastUpdated=ge2020-01-01&_lastUpdated=lt2020-01-02`, tokens.auditor);
    expect(range.total).toBe(0);
  });

  it('pages with _count, in ledger order, following the next links to the last page', async () => {
    let bundle = await feed.bundle('/fhir/R4/AuditEvent?_count=3', tokens.auditor);
    expect(bundle.total).toBe(7);
    const seen: AuditEvent[] = [...resources(bundle)];
    for (let next = linkPath(bundle, 'next'); next; next = linkPath(bundle, 'next')) {
      bundle = await feed.bundle(next, tokens.auditor);
      seen.push(...resources(bundle));
    }
    expect(seen.map((event) => event.id).sort()).toEqual(all());
    const indexes = seen.map(indexOf);
    expect(indexes).toEqual([...indexes].sort((x, y) => x - y));
    expect(linkPath(bundle, 'self')).toContain('_page=3');
    seen.forEach(expectValidFhir);
  });

  it('refuses an unknown parameter (R4 gives AuditEvent no status) and a bad value, 400 naming each', async () => {
    const unknown = await feed.outcome('/fhir/R4/AuditEvent?status=active', tokens.auditor, 400);
    expectValidFhir(unknown);
    expect(unknown.issue.slice(1).map((issue) => issue.expression)).toEqual([['status']]);
    const bad = await feed.outcome('/fhir/R4/AuditEvent?patient=Patient/nobody&_count=0', tokens.auditor, 400);
    expect(bad.issue.slice(1).map((issue) => issue.expression)).toEqual([['patient'], ['_count']]);
    expect(bad.issue[0].code).toBe('invalid');
  });
});
