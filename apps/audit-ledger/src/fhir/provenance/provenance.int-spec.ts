import { checkEntrySeal, fromHex, leafHash, toHex, verifyInclusion, verifyTreeHead } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import { expectValidFhir, testSigners } from '@app/testing';
import type { Bundle, Provenance } from '@medplum/fhirtypes';
import { bearer, startAuditLedger, TEST_WRITERS, tokens, type AuditLedgerTestApp } from '../../testing/audit-ledger.test-app';
import { idsOf, LedgerFhirFeed, linkPath } from '../ledger-fhir.int-fixture';
import { provenanceProof } from './provenance-proof.extension';

jest.setTimeout(120_000);

const resources = (bundle: Bundle): Provenance[] => (bundle.entry ?? []).map((entry) => entry.resource as Provenance);
const WRITERS = [...TEST_WRITERS, 'patients'];

/**
 * `GET /fhir/R4/Provenance` and `/Provenance/:id` over the real service:
 * each step's seal and inclusion proof, verified offline from the resource
 * alone (with the ledger's public key and the signers' keys), and the same
 * visibility, search and paging as AuditEvent.
 */
describe('FHIR Provenance (Postgres, Kafka)', () => {
  let t: AuditLedgerTestApp;
  let feed: LedgerFhirFeed;
  let ledgerPublicKeyPem: string;
  let firstWaveLastUpdated: string;

  beforeAll(async () => {
    t = await startAuditLedger({ signers: testSigners(WRITERS) });
    feed = new LedgerFhirFeed(t);
    await feed.firstWave();
    firstWaveLastUpdated = resources(await feed.bundle('/fhir/R4/Provenance', tokens.auditor)).map((p) => p.meta!.lastUpdated!).sort().at(-1)!;
    await feed.secondWave();
    ledgerPublicKeyPem = (await feed.http().get('/v1/ledger/public-key').set('Authorization', tokens.auditor).expect(200)).body.publicKeyPem;
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Every check of the step a client makes holding only the Provenance and the keys it trusts. */
  const verifiedOffline = (provenance: Provenance): boolean => {
    const { proof, treeHead, entryJcs } = provenanceProof(provenance);
    const entry = JSON.parse(entryJcs) as AuditEntry;
    return (
      verifyTreeHead(ledgerPublicKeyPem, treeHead) &&
      proof.treeSize === treeHead.treeSize &&
      toHex(leafHash(new TextEncoder().encode(entryJcs))) === proof.leafHash &&
      verifyInclusion(fromHex(proof.leafHash), proof.leafIndex, proof.treeSize, proof.path.map(fromHex), fromHex(treeHead.rootHash)) &&
      checkEntrySeal(entry, testSigners(WRITERS)).ok &&
      toHex(Buffer.from(provenance.signature![0].data!, 'base64')) === entry.seal.signature &&
      entry.id === provenance.id
    );
  };

  it('lists Provenance in the service capabilities, with the parameters it parses', async () => {
    const answer = await feed.http().get('/internal/fhir/capabilities').expect(200);
    const type = answer.body.resources.find((resource: { type: string }) => resource.type === 'Provenance');
    expect(type.interactions).toEqual(['read', 'search-type']);
    expect(type.searchParams.map((param: { name: string }) => param.name)).toEqual(['patient', '_lastUpdated', '_count', '_page']);
  });

  it('reads a step with exactly the inclusion proof and tree head the ledger API serves, and it verifies offline', async () => {
    const provenance = (await feed.fhir(`/fhir/R4/Provenance/${feed.entries.claimA}`, tokens.auditor)).body as Provenance;
    expectValidFhir(provenance);
    expect(provenance).toMatchObject({
      resourceType: 'Provenance',
      id: feed.entries.claimA,
      target: [{ reference: `Claim/${feed.ids.claim}` }],
      agent: [{ who: { display: 'system:billing-run' } }, { who: { display: 'claims' } }],
      entity: [
        { role: 'source', what: { identifier: { value: feed.ids.enrolment } } },
        { role: 'source', what: { reference: `DeviceRequest/${feed.ids.prescriptionA}` } },
        { role: 'source', what: { reference: `DeviceDefinition/${feed.ids.device}` } },
        { role: 'source', what: { reference: `Patient/${feed.a}` } },
      ],
    });
    const { proof, treeHead } = provenanceProof(provenance);
    const head = (await feed.http().get('/v1/ledger/tree-head').set('Authorization', tokens.auditor).expect(200)).body;
    const served = (await feed.http().get(`/v1/ledger/entries/${proof.leafIndex}/inclusion-proof`).set('Authorization', tokens.auditor).expect(200)).body;
    expect(treeHead).toEqual(head);
    expect(proof).toEqual(served);
    expect(verifiedOffline(provenance)).toBe(true);
  });

  it('answers 404 OperationOutcome for a step that does not exist', async () => {
    const missing = await feed.outcome('/fhir/R4/Provenance/01950000-0000-7000-8000-00000000ffff', tokens.auditor, 404);
    expect(missing.issue[0]).toMatchObject({ code: 'not-found' });
  });

  it("searches by patient: exactly that patient's steps, each valid and verified offline", async () => {
    const a = await feed.bundle(`/fhir/R4/Provenance?patient=Patient/${feed.a}`, tokens.auditor);
    expect(idsOf(a)).toEqual([feed.entries.issuedA, feed.entries.consentA, feed.entries.claimA].sort());
    for (const provenance of resources(a)) {
      expectValidFhir(provenance);
      expect(verifiedOffline(provenance)).toBe(true);
    }
    const b = await feed.bundle(`/fhir/R4/Provenance?patient=${feed.b}`, tokens.auditor);
    expect(idsOf(b)).toEqual([feed.entries.issuedB, feed.entries.refusedB, feed.entries.erasedB].sort());
  });

  it("shows a physician their own prescriptions' steps only: another's patient is an empty Bundle, another's step a 404", async () => {
    const mine = await feed.bundle('/fhir/R4/Provenance', tokens.prescriber);
    expect(idsOf(mine)).toEqual([feed.entries.issuedA, feed.entries.consentA, feed.entries.claimA].sort());
    resources(mine).forEach((provenance) => expect(verifiedOffline(provenance)).toBe(true));
    const others = await feed.bundle(`/fhir/R4/Provenance?patient=${feed.b}`, tokens.prescriber);
    expect(others.total).toBe(0);
    expect(others.entry ?? []).toEqual([]);
    await feed.outcome(`/fhir/R4/Provenance/${feed.entries.refusedB}`, tokens.prescriber, 404);
    await feed.outcome(`/fhir/R4/Provenance/${feed.entries.issuedA}`, bearer({ role: 'claims_processor' }), 403);
  });

  it('filters on _lastUpdated and pages with _count, following the next links', async () => {
    const later = await feed.bundle(`/fhir/R4/Provenance?_lastUpdated=gt${firstWaveLastUpdated}`, tokens.auditor);
    expect(idsOf(later)).toEqual([feed.entries.claimA, feed.entries.refusedB, feed.entries.erasedB].sort());
    let bundle = await feed.bundle('/fhir/R4/Provenance?_count=4', tokens.auditor);
    const seen = [...resources(bundle)];
    for (let next = linkPath(bundle, 'next'); next; next = linkPath(bundle, 'next')) {
      bundle = await feed.bundle(next, tokens.auditor);
      seen.push(...resources(bundle));
    }
    expect(bundle.total).toBe(7);
    expect(seen.map((provenance) => provenance.id).sort()).toEqual(Object.values(feed.entries).sort());
    seen.forEach(expectValidFhir);
  });

  it('refuses an unknown parameter and a bad value, 400 naming each', async () => {
    const outcome = await feed.outcome('/fhir/R4/Provenance?target=Claim/x&_lastUpdated=yesterday', tokens.auditor, 400);
    expectValidFhir(outcome);
    expect(outcome.issue.slice(1).map((issue) => issue.expression)).toEqual([['target'], ['_lastUpdated']]);
  });
});
