import { refusalOf } from '../../api/refusal.testing';
import { adjudicationBody, type AdjudicationForm, amoShareOf, partialTotals } from './adjudication';
import type { ClaimLine } from './claim-api';

const lines: ClaimLine[] = [
  { kind: 'OPERATOR', code: 'TVB', payee: 'operator-1', amountCents: 2_800 },
  { kind: 'TECHNICAL', code: '1612544', payee: '73282932000074', amountCents: 5_000 },
];
const messages = { chooseDecision: 'decision?', chooseReason: 'reason?', decideLine: 'line?', approveOne: 'one approved' };
const form = (overrides: Partial<AdjudicationForm>): AdjudicationForm => ({ decision: '', reasonCode: '', note: '', lines: {}, ...overrides });

describe('partialTotals: the approved amount as the lines are decided', () => {
  it('is nothing before any line is decided', () => {
    expect(partialTotals(lines, {}, 60)).toEqual({ approvedCents: 0, amoShareCents: 0, rejectedCents: 0, undecided: 2 });
  });

  it('adds each approved line, and the AMO share taken on it at the claim rate', () => {
    expect(partialTotals(lines, { OPERATOR: { decision: 'APPROVE', reasonCode: '' } }, 60)).toEqual({ approvedCents: 2_800, amoShareCents: 1_680, rejectedCents: 0, undecided: 1 });
    expect(partialTotals(lines, { OPERATOR: { decision: 'APPROVE', reasonCode: '' }, TECHNICAL: { decision: 'REJECT', reasonCode: 'TARIFF_MISMATCH' } }, 60)).toEqual({
      approvedCents: 2_800,
      amoShareCents: 1_680,
      rejectedCents: 5_000,
      undecided: 0,
    });
    expect(partialTotals(lines, { OPERATOR: { decision: 'APPROVE', reasonCode: '' }, TECHNICAL: { decision: 'APPROVE', reasonCode: '' } }, 100).approvedCents).toBe(7_800);
  });

  it('rounds each line share half up to the cent', () => {
    expect([amoShareOf(2_083, 60), amoShareOf(1_253, 50), amoShareOf(1, 50), amoShareOf(2_800, 100)]).toEqual([1_250, 627, 1, 2_800]);
  });
});

describe('adjudicationBody: the form as API.md adjudication', () => {
  it('approves or rejects the whole claim', () => {
    expect(adjudicationBody(form({ decision: 'APPROVE', reasonCode: 'OTHER' }), lines, messages)).toEqual({ decision: 'APPROVE' });
    expect(adjudicationBody(form({ decision: 'REJECT', reasonCode: 'NO_CONSENT', note: '  no form on file ' }), lines, messages)).toEqual({
      decision: 'REJECT',
      reasonCode: 'NO_CONSENT',
      note: 'no form on file',
    });
    expect(adjudicationBody(form({ decision: 'REJECT', reasonCode: 'DUPLICATE', note: ' ' }), lines, messages)).toEqual({ decision: 'REJECT', reasonCode: 'DUPLICATE' });
  });

  it('decides line by line, a rejected line with its reason code', () => {
    const body = adjudicationBody(
      form({ decision: 'PARTIAL', lines: { OPERATOR: { decision: 'APPROVE', reasonCode: 'OTHER' }, TECHNICAL: { decision: 'REJECT', reasonCode: 'TARIFF_MISMATCH' } } }),
      lines,
      messages,
    );
    expect(body).toEqual({
      decision: 'PARTIAL',
      lines: [
        { kind: 'OPERATOR', decision: 'APPROVE' },
        { kind: 'TECHNICAL', decision: 'REJECT', reasonCode: 'TARIFF_MISMATCH' },
      ],
    });
  });

  it('refuses, under the field the API would name, what the API would refuse', () => {
    expect(refusalOf(() => adjudicationBody(form({}), lines, messages))).toEqual({ field: 'decision', message: 'decision?' });
    expect(refusalOf(() => adjudicationBody(form({ decision: 'REJECT' }), lines, messages))).toEqual({ field: 'reasonCode', message: 'reason?' });
    const oneLine = form({ decision: 'PARTIAL', lines: { OPERATOR: { decision: 'APPROVE', reasonCode: '' } } });
    expect(refusalOf(() => adjudicationBody(oneLine, lines, messages))).toEqual({ field: 'lines[1].decision', message: 'line?' });
    const noReason = form({ decision: 'PARTIAL', lines: { OPERATOR: { decision: 'APPROVE', reasonCode: '' }, TECHNICAL: { decision: 'REJECT', reasonCode: '' } } });
    expect(refusalOf(() => adjudicationBody(noReason, lines, messages))).toEqual({ field: 'lines[1].reasonCode', message: 'reason?' });
    const noneApproved = form({ decision: 'PARTIAL', lines: { OPERATOR: { decision: 'REJECT', reasonCode: 'OTHER' }, TECHNICAL: { decision: 'REJECT', reasonCode: 'OTHER' } } });
    expect(refusalOf(() => adjudicationBody(noneApproved, lines, messages))).toEqual({ field: 'lines', message: 'one approved' });
  });
});
