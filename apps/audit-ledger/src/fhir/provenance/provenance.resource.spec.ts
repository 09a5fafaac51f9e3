import { checkEntrySeal, fromHex, leafHash, toHex, verifyInclusion, verifyTreeHead } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import { expectValidFhir, testSigners } from '@app/testing';
import type { Provenance } from '@medplum/fhirtypes';
import { JUSTIFICATION, ledgerFixture, PSEUDONYM, RPPS } from '../ledger-fhir.fixture';
import { LEDGER_CODES, LEDGER_EXTENSIONS, LEDGER_NAMING_SYSTEMS } from '../ledger-fhir.urls';
import { provenanceProof } from './provenance-proof.extension';
import { provenanceResource, SEAL_SIG_FORMAT, SEAL_TARGET_FORMAT } from './provenance.resource';

/**
 * What a client does with a Provenance and nothing else but the keys it
 * trusts (the ledger's public key, the signers' registry): every check
 * libs/audit's verifier makes of a dossier entry.
 */
function verifyOffline(provenance: Provenance, ledgerPublicKeyPem: string, signers = testSigners(['prescription', 'enrolment', 'claims', 'patients'])) {
  const { proof, treeHead, entryJcs } = provenanceProof(provenance);
  const entry = JSON.parse(entryJcs) as AuditEntry;
  const signature = provenance.signature?.[0];
  return {
    headSigned: verifyTreeHead(ledgerPublicKeyPem, treeHead),
    sameTree: proof.treeSize === treeHead.treeSize,
    leafIsEntry: toHex(leafHash(new TextEncoder().encode(entryJcs))) === proof.leafHash,
    included: verifyInclusion(fromHex(proof.leafHash), proof.leafIndex, proof.treeSize, proof.path.map(fromHex), fromHex(treeHead.rootHash)),
    sealed: checkEntrySeal(entry, signers).ok,
    signatureIsSeal: toHex(Buffer.from(signature?.data ?? '', 'base64')) === entry.seal.signature && entry.id === provenance.id,
  };
}

const ALL_HOLD = { headSigned: true, sameTree: true, leafIsEntry: true, included: true, sealed: true, signatureIsSeal: true };

describe("a step's provenance as a FHIR R4 Provenance", () => {
  const { ids, rows, byStep, treeHead, proofOf, ledgerPublicKeyPem } = ledgerFixture();
  const provenanceOf = (row: (typeof rows)[number]) => provenanceResource(row, proofOf(row.index), treeHead);

  it('is valid FHIR R4 for every kind of step, with every required binding honoured', () => {
    for (const row of rows) expectValidFhir(provenanceOf(row));
  });

  it('targets the subject, takes the related subjects as sources, and names the activity, the actor and the service', () => {
    const provenance = provenanceOf(byStep.issue);
    expect(provenance).toMatchObject({
      resourceType: 'Provenance',
      id: byStep.issue.entry.id,
      meta: { versionId: '1', lastUpdated: byStep.issue.recordedAt.toISOString() },
      target: [{ reference: `DeviceRequest/${ids.prescription}` }],
      recorded: byStep.issue.entry.occurredAt,
      occurredDateTime: byStep.issue.entry.occurredAt,
      entity: [
        { role: 'source', what: { reference: `DeviceDefinition/${ids.device}` } },
        { role: 'source', what: { reference: `Patient/${PSEUDONYM}` } },
      ],
    });
    expect(provenance.activity?.coding).toEqual([
      { system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'CREATE', display: 'create' },
      { system: LEDGER_CODES.action, code: 'prescription.issued' },
    ]);
    expect(provenance.agent.map((agent) => [agent.type?.coding?.[0].code, agent.who])).toEqual([
      ['author', expect.objectContaining({ identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: `8${RPPS}` } })],
      ['assembler', { type: 'Device', identifier: { system: LEDGER_NAMING_SYSTEMS.service, value: 'prescription' }, display: 'prescription' }],
    ]);
    expect(provenanceOf(byStep.erasure).entity).toBeUndefined();
    expect(provenanceOf(byStep.attempt).target).toEqual([{ identifier: { system: LEDGER_NAMING_SYSTEMS.attempt, value: ids.attempt } }]);
  });

  it("carries the writing service's seal as the author's signature, with its key id", () => {
    const [signature] = provenanceOf(byStep.consent).signature!;
    const { seal } = byStep.consent.entry;
    expect(signature).toMatchObject({
      type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1' }],
      when: byStep.consent.entry.occurredAt,
      who: { type: 'Device', display: 'enrolment' },
      targetFormat: SEAL_TARGET_FORMAT,
      sigFormat: SEAL_SIG_FORMAT,
    });
    expect(Buffer.from(signature.data!, 'base64')).toHaveLength(64);
    expect(toHex(Buffer.from(signature.data!, 'base64'))).toBe(seal.signature);
    expect(signature.extension).toEqual([
      { url: LEDGER_EXTENSIONS.sealKey, extension: [{ url: 'keyId', valueString: seal.keyId }, { url: 'algorithm', valueString: 'Ed25519' }] },
    ]);
  });

  it('carries the inclusion proof and tree head exactly as the ledger API serves them', () => {
    const { proof, treeHead: head, entryJcs } = provenanceProof(provenanceOf(byStep.failed));
    expect(proof).toEqual(proofOf(byStep.failed.index));
    expect(head).toEqual(treeHead);
    expect(entryJcs).toBe(byStep.failed.entryJcs);
  });

  it('is verified offline from the resource alone: head signature, leaf bytes, inclusion, seal', () => {
    for (const row of rows) expect(verifyOffline(provenanceOf(row), ledgerPublicKeyPem)).toEqual(ALL_HOLD);
  });

  it('fails verification when the proof, the head or the entry bytes were altered', () => {
    const provenance = provenanceOf(byStep.adjudicated);
    const tampered = structuredClone(provenance);
    const path = tampered.extension!.find((e) => e.url === LEDGER_EXTENSIONS.inclusionProof)!.extension!.find((e) => e.url === 'path')!;
    path.valueString = `${path.valueString!.slice(0, -1)}${path.valueString!.endsWith('0') ? '1' : '0'}`;
    expect(verifyOffline(tampered, ledgerPublicKeyPem).included).toBe(false);

    const otherHead = structuredClone(provenance);
    const head = otherHead.extension!.find((e) => e.url === LEDGER_EXTENSIONS.inclusionProof)!.extension!.find((e) => e.url === 'treeHead')!;
    head.extension!.find((e) => e.url === 'treeSize')!.valueUnsignedInt = 7;
    expect(verifyOffline(otherHead, ledgerPublicKeyPem).headSigned).toBe(false);

    const otherBytes = structuredClone(provenance);
    const jcs = otherBytes.extension!.find((e) => e.url === LEDGER_EXTENSIONS.entryJcs)!;
    jcs.valueBase64Binary = Buffer.from(byStep.failed.entryJcs).toString('base64');
    expect(verifyOffline(otherBytes, ledgerPublicKeyPem)).toMatchObject({ leafIsEntry: false, signatureIsSeal: false });
  });

  it('holds no disclosed text: only the commitments the entry holds', () => {
    const provenance = provenanceOf(byStep.issue);
    const { entryJcs } = provenanceProof(provenance);
    expect(JSON.stringify(provenance)).not.toContain(JUSTIFICATION);
    expect(entryJcs).not.toContain(JUSTIFICATION);
    expect(entryJcs).toContain((byStep.issue.entry.evidence.overrides as Array<{ justification: { commitment: string } }>)[0].justification.commitment);
  });
});
