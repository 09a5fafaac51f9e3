import { FR_SYSTEMS, platformUrl } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import {
  cancelClaim,
  claimCreated,
  CLAIM_ID,
  CORRECTIVE_CLAIM_ID,
  createClaim,
  DEVICE_ID,
  ENROLMENT_ID,
  EXPLOITANT_SIRET,
  IDENTITY_ENCRYPTED,
  OPERATOR_ORG,
  PRESCRIPTION_ID,
  PSEUDONYM,
  received,
  reject,
} from '../../domain/claim.fixtures';
import { claimViewAfter } from '../claim-views.fixture';
import { claimResource } from './claim.resource';

const ext = (name: string) => platformUrl(`StructureDefinition/${name}`);

describe('claimResource (a claim as FHIR R4 Claim)', () => {
  const submitted = claimViewAfter(createClaim(), received());

  it('is a valid Claim of the month, by the enrolment Coverage, on the prescription, with its version', () => {
    const claim = claimResource(submitted);
    expectValidFhir(claim);
    expect(claim).toMatchObject({
      resourceType: 'Claim',
      id: CLAIM_ID,
      meta: { versionId: '2', lastUpdated: submitted.updatedAt },
      status: 'active',
      use: 'claim',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
      patient: { reference: `Patient/${PSEUDONYM}` },
      billablePeriod: { start: '2026-04-01', end: '2026-04-30' },
      created: '2026-05-02T00:05:00.000Z',
      insurer: { type: 'Organization', display: 'Assurance Maladie' },
      prescription: { reference: `DeviceRequest/${PRESCRIPTION_ID}` },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: `Coverage/${ENROLMENT_ID}` } }],
      total: { value: 48.83, currency: 'EUR' },
    });
    expect(claim.meta?.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(claim.extension).toEqual([
      { url: ext('claim-tariff-version'), valueString: '2023-07' },
      { url: ext('claim-billable-days'), valueUnsignedInt: 30 },
    ]);
    expect(claim.related).toBeUndefined();
  });

  it('names the operator the OPERATOR line pays as provider, by its platform id', () => {
    expect(claimResource(submitted).provider).toEqual({
      type: 'Organization',
      identifier: { system: platformUrl('NamingSystem/operator'), value: OPERATOR_ORG },
    });
  });

  it('gives one item per line: its kind, its code (LPP for the technical fee), its days, its amount and its payee', () => {
    const [operator, technical] = claimResource(submitted).item ?? [];
    expect(operator).toEqual({
      extension: [{ url: ext('claim-line-payee'), valueReference: { type: 'Organization', identifier: { system: platformUrl('NamingSystem/operator'), value: OPERATOR_ORG } } }],
      sequence: 1,
      category: { coding: [{ system: platformUrl('CodeSystem/claim-line-kind'), code: 'OPERATOR', display: 'Operator fee' }] },
      productOrService: { coding: [{ system: platformUrl('CodeSystem/telemonitoring-operator-fee'), code: 'TVB' }], text: 'Operator fee TVB' },
      servicedPeriod: { start: '2026-04-01', end: '2026-04-30' },
      net: { value: 28, currency: 'EUR' },
    });
    expect(technical).toEqual({
      extension: [
        { url: ext('claim-line-payee'), valueReference: { type: 'Organization', identifier: { system: FR_SYSTEMS.idNatStruct, value: `3${EXPLOITANT_SIRET}` } } },
        { url: ext('claim-line-device-definition'), valueReference: { reference: `DeviceDefinition/${DEVICE_ID}` } },
      ],
      sequence: 2,
      category: { coding: [{ system: platformUrl('CodeSystem/claim-line-kind'), code: 'TECHNICAL', display: 'Technical fee' }] },
      productOrService: { coding: [{ system: FR_SYSTEMS.lpp, code: '1612544' }], text: 'Technical fee (LPP 1612544)' },
      servicedPeriod: { start: '2026-04-01', end: '2026-04-30' },
      net: { value: 20.83, currency: 'EUR' },
    });
  });

  it('serves the billable days a line covers, not the whole month, when some are not billable', () => {
    const dates = ['2026-04-03', '2026-04-04', '2026-04-28'];
    const claim = claimResource(claimViewAfter(createClaim({ claim: claimCreated({ billableDates: dates, billableDays: 3 }) })));
    expectValidFhir(claim);
    expect(claim.item?.map((item) => item.servicedPeriod)).toEqual([
      { start: '2026-04-03', end: '2026-04-28' },
      { start: '2026-04-03', end: '2026-04-28' },
    ]);
    expect(claim.billablePeriod).toEqual({ start: '2026-04-01', end: '2026-04-30' });
  });

  it('never carries the identity the claim holds for the AMO, only the pseudonym', () => {
    const text = JSON.stringify(claimResource(submitted));
    expect(text).not.toContain(IDENTITY_ENCRYPTED);
    expect(text).not.toContain('identity');
  });

  it('stays active when rejected (its answer says why) and is cancelled once cancelled, without the reason text', () => {
    const rejected = claimResource(claimViewAfter(createClaim(), received(), reject()));
    expectValidFhir(rejected);
    expect(rejected.status).toBe('active');
    const cancelled = claimResource(claimViewAfter(createClaim(), received(), cancelClaim()));
    expectValidFhir(cancelled);
    expect(cancelled).toMatchObject({ status: 'cancelled', meta: { versionId: '3' } });
    expect(JSON.stringify(cancelled)).not.toContain('wrong prescription');
  });

  it('relates a corrective claim to the claim it corrects as prior', () => {
    const corrective = claimResource(claimViewAfter(createClaim({ claim: claimCreated({ claimId: CORRECTIVE_CLAIM_ID, correctionOf: CLAIM_ID }) })));
    expectValidFhir(corrective);
    expect(corrective.related).toEqual([
      {
        claim: { reference: `Claim/${CLAIM_ID}` },
        relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship', code: 'prior', display: 'Prior Claim' }] },
      },
    ]);
  });

  it('names the exploitant as provider of a month past the operator fee (a technical line alone)', () => {
    const technicalOnly = claimCreated().lines.filter((line) => line.kind === 'TECHNICAL');
    const claim = claimResource(claimViewAfter(createClaim({ claim: claimCreated({ lines: technicalOnly, totalCents: 2083, amoShareCents: 1250, patientShareCents: 833 }) })));
    expectValidFhir(claim);
    expect(claim.provider).toEqual({ type: 'Organization', identifier: { system: FR_SYSTEMS.idNatStruct, value: `3${EXPLOITANT_SIRET}` } });
    expect(claim.item?.map((item) => item.sequence)).toEqual([1]);
  });

  it('stays valid for a claim no tariff priced (no line, rejected at validation): a provider by display, no item', () => {
    const unpriced = claimCreated({ lines: [], totalCents: 0, amoShareCents: 0, patientShareCents: 0, tariffVersion: 'none' });
    const claim = claimResource(claimViewAfter(createClaim({ claim: unpriced, rejection: { reasonCode: 'TARIFF_MISMATCH' } })));
    expectValidFhir(claim);
    expect(claim.provider).toEqual({ type: 'Organization', display: 'No provider: the claim has no priced line' });
    expect(claim.item).toBeUndefined();
  });

  it('gives a technical line of a device without a known LPP code its text alone', () => {
    const lines = claimCreated().lines.map((line) => (line.kind === 'TECHNICAL' ? { ...line, code: '' } : line));
    const claim = claimResource(claimViewAfter(createClaim({ claim: claimCreated({ lines, device: { id: DEVICE_ID, udiDi: '03612345678904', lppCode: '' } }) })));
    expectValidFhir(claim);
    expect(claim.item?.[1].productOrService).toEqual({ text: 'Technical fee' });
  });
});
