import { platformUrl } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import type { ClaimResponse } from '@medplum/fhirtypes';
import {
  AMO_REFERENCE,
  approve,
  cancelClaim,
  claimCreated,
  CLAIM_ID,
  contestClaim,
  createClaim,
  failed,
  IDENTITY_ENCRYPTED,
  OPERATOR_ORG,
  partial,
  payClaim,
  PSEUDONYM,
  received,
  refused,
  reject,
} from '../../domain/claim.fixtures';
import { claimViewAfter } from '../claim-views.fixture';
import { claimResponseResource, hasAnswer } from './claim-response.resource';

const ADJUDICATION = 'http://terminology.hl7.org/CodeSystem/adjudication';
const REASON = platformUrl('CodeSystem/claim-reason');
const category = (code: string) => ({ coding: [expect.objectContaining({ system: ADJUDICATION, code })] });
const eur = (value: number) => ({ value, currency: 'EUR' });

function responseOf(...commands: Parameters<typeof claimViewAfter>): ClaimResponse {
  const response = claimResponseResource(claimViewAfter(...commands));
  if (!response) throw new Error('expected an answer');
  expectValidFhir(response);
  return response;
}

describe('claimResponseResource (a claim answer as FHIR R4 ClaimResponse)', () => {
  it.each([
    ['CREATED', [createClaim()]],
    ['SUBMITTED', [createClaim(), received()]],
    ['SUBMISSION_FAILED', [createClaim(), failed()]],
    ['SUBMITTED again after a contest (the rejection under review)', [createClaim(), received(), reject(), contestClaim()]],
    ['CANCELLED before any answer', [createClaim(), received(), cancelClaim()]],
  ])('has none for a claim %s', (_name, commands) => {
    const view = claimViewAfter(...commands);
    expect(hasAnswer(view)).toBe(false);
    expect(claimResponseResource(view)).toBeNull();
  });

  it('answers an approval: complete, decided then, each line with its claimed, approved and AMO share, by the AMO reference', () => {
    const view = claimViewAfter(createClaim(), received(), approve());
    const response = responseOf(createClaim(), received(), approve());
    expect(response).toMatchObject({
      resourceType: 'ClaimResponse',
      id: CLAIM_ID,
      meta: { versionId: '3', lastUpdated: view.updatedAt },
      identifier: [{ system: platformUrl('NamingSystem/amo-claim-reference'), value: AMO_REFERENCE }],
      status: 'active',
      use: 'claim',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      patient: { reference: `Patient/${PSEUDONYM}` },
      created: view.adjudication?.adjudicatedAt,
      insurer: { type: 'Organization', display: 'Assurance Maladie' },
      requestor: { type: 'Organization', identifier: { system: platformUrl('NamingSystem/operator'), value: OPERATOR_ORG } },
      request: { reference: `Claim/${CLAIM_ID}` },
      outcome: 'complete',
      disposition: 'Approved',
    });
    expect(response.item).toEqual([
      {
        itemSequence: 1,
        adjudication: [
          { category: category('submitted'), amount: eur(28) },
          { category: category('eligible'), amount: eur(28) },
          { category: category('eligpercent'), value: 60 },
          { category: category('benefit'), amount: eur(16.8) },
        ],
      },
      {
        itemSequence: 2,
        adjudication: [
          { category: category('submitted'), amount: eur(20.83) },
          { category: category('eligible'), amount: eur(20.83) },
          { category: category('eligpercent'), value: 60 },
          { category: category('benefit'), amount: eur(12.5) },
        ],
      },
    ]);
    expect(response.total).toEqual([
      { category: category('submitted'), amount: eur(48.83) },
      { category: category('eligible'), amount: eur(48.83) },
      { category: category('benefit'), amount: eur(29.3) },
    ]);
    expect(response.payment).toBeUndefined();
    expect(response.error).toBeUndefined();
  });

  it('answers a line-by-line decision: the rejected line a zero benefit with its reason and label, the totals of the approved one', () => {
    const response = responseOf(createClaim(), received(), partial());
    expect(response.outcome).toBe('complete');
    expect(response.disposition).toBe('Partially approved: 1 of 2 lines');
    const [operator, technical] = response.item ?? [];
    expect(operator.adjudication).toEqual([
      { category: category('submitted'), amount: eur(28) },
      { category: category('eligible'), amount: eur(0) },
      { category: category('eligpercent'), value: 60 },
      {
        category: category('benefit'),
        reason: { coding: [{ system: REASON, code: 'OTHER', display: 'Another reason (see the note)' }], text: 'Another reason (see the note)' },
        amount: eur(0),
      },
    ]);
    expect(technical.adjudication).toContainEqual({ category: category('benefit'), amount: eur(12.5) });
    expect(response.total).toEqual([
      { category: category('submitted'), amount: eur(48.83) },
      { category: category('eligible'), amount: eur(20.83) },
      { category: category('benefit'), amount: eur(12.5) },
    ]);
  });

  it('adds the payment once paid: complete, its Paris date and instant, its amount, its reference', () => {
    const view = claimViewAfter(createClaim(), received(), approve(), payClaim());
    const response = responseOf(createClaim(), received(), approve(), payClaim());
    expect(response.disposition).toBe('Approved; paid');
    expect(response.created).toBe(view.adjudication?.adjudicatedAt);
    expect(response.payment).toEqual({
      extension: [{ url: platformUrl('StructureDefinition/claim-paid-at'), valueInstant: view.payment?.paidAt }],
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-paymenttype', code: 'complete', display: 'Complete' }] },
      date: '2026-05-03',
      amount: eur(29.3),
      identifier: { system: platformUrl('NamingSystem/payment-reference'), value: 'PAY-2026-05-0001' },
    });
  });

  it('answers a processor rejection: error, the reason and who refused in error, the note as a process note', () => {
    const view = claimViewAfter(createClaim(), received(), reject());
    const response = responseOf(createClaim(), received(), reject());
    expect(response).toMatchObject({
      outcome: 'error',
      created: view.rejection?.rejectedAt,
      disposition: 'Rejected by a claims processor: Fewer billable days than the minimum, or days that were not billable',
      processNote: [{ number: 1, type: 'display', text: 'days not justified' }],
    });
    expect(response.error).toEqual([
      {
        extension: [
          { url: platformUrl('StructureDefinition/claim-rejection-source'), valueCoding: { system: platformUrl('CodeSystem/claim-rejection-source'), code: 'PROCESSOR' } },
        ],
        code: expect.objectContaining({ coding: [expect.objectContaining({ system: REASON, code: 'NOT_BILLABLE_DAYS' })] }),
      },
    ]);
    expect(response.item?.[0].adjudication).toEqual([
      { category: category('submitted'), amount: eur(28) },
      { category: category('benefit'), reason: expect.objectContaining({ coding: [expect.objectContaining({ code: 'NOT_BILLABLE_DAYS' })] }), amount: eur(0) },
    ]);
    expect(response.total).toEqual([
      { category: category('submitted'), amount: eur(48.83) },
      { category: category('benefit'), amount: eur(0) },
    ]);
  });

  it('answers a refusal of the AMO at submission and one of validation, each naming its source', () => {
    const amo = responseOf(createClaim(), refused('RIGHTS_CLOSED'));
    expect(amo.error?.[0].extension?.[0].valueCoding?.code).toBe('AMO');
    expect(amo.disposition).toBe("Rejected by the Assurance Maladie at submission: The patient's rights are closed");
    expect(amo.identifier).toBeUndefined();
    expect(amo.processNote).toBeUndefined();
    const validation = responseOf(createClaim({ rejection: { reasonCode: 'CERTIFICATION_LAPSED' } }));
    expect(validation.error?.[0].extension?.[0].valueCoding?.code).toBe('VALIDATION');
    expect(validation.error?.[0].code.coding?.[0].code).toBe('CERTIFICATION_LAPSED');
  });

  it('is cancelled with a cancelled claim that had an answer, the payment kept', () => {
    const response = responseOf(createClaim(), received(), approve(), payClaim(), cancelClaim());
    expect(response.status).toBe('cancelled');
    expect(response.disposition).toBe('Approved; paid; the claim was cancelled since');
    expect(response.payment?.amount).toEqual(eur(29.3));
  });

  it('answers a claim no tariff priced (rejected at validation) without items', () => {
    const unpriced = claimCreated({ lines: [], totalCents: 0, amoShareCents: 0, patientShareCents: 0, tariffVersion: 'none' });
    const response = responseOf(createClaim({ claim: unpriced, rejection: { reasonCode: 'TARIFF_MISMATCH' } }));
    expect(response.item).toBeUndefined();
    expect(response.requestor).toEqual({ type: 'Organization', display: 'No provider: the claim has no priced line' });
  });

  it('never carries the identity the claim holds for the AMO', () => {
    const text = JSON.stringify(responseOf(createClaim(), received(), approve(), payClaim()));
    expect(text).not.toContain(IDENTITY_ENCRYPTED);
    expect(text).not.toContain('identity');
  });
});
