import { deciderSpecification } from '@app/testing/decider-specification';
import { foldEvents } from '@app/event-sourcing/decider/decider';
import { claimDecider } from '../claim.decider';
import {
  NOW,
  PROCESSOR,
  approve,
  approvedHistory,
  cancelledPaidHistory,
  contestedHistory,
  createdHistory,
  failedHistory,
  paidHistory,
  partial,
  reject,
  rejectedHistory,
  sealed,
  submittedHistory,
} from '../claim.fixtures';
import type { ClaimEvent } from '../claim.state';

const given = deciderSpecification(claimDecider);
const detailsOf = (command: Parameters<typeof claimDecider.decide>[0]) => given(submittedHistory()).when(command).refusal().details;

describe('Adjudicate', () => {
  it('approves every line, with the AMO share of each', () =>
    given(submittedHistory())
      .when(approve())
      .then([
        {
          type: 'ClaimAdjudicated',
          data: {
            decision: 'APPROVE',
            lines: [
              { kind: 'OPERATOR', decision: 'APPROVE', reasonCode: null, approvedCents: 2800, amoShareCents: 1680 },
              { kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null, approvedCents: 2083, amoShareCents: 1250 },
            ],
            approvedCents: 4883,
            amoShareCents: 2930,
            patientShareCents: 1953,
            adjudicatedAt: NOW.toISOString(),
            adjudicatedBy: PROCESSOR,
          },
        },
      ]));

  it('decides line by line: the approved amounts and the share are taken on the approved lines, the claimed ones stay', () => {
    given(submittedHistory())
      .when(partial())
      .then([
        {
          type: 'ClaimAdjudicated',
          data: {
            decision: 'PARTIAL',
            lines: [
              { kind: 'OPERATOR', decision: 'REJECT', reasonCode: 'OTHER', approvedCents: 0, amoShareCents: 0 },
              { kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null, approvedCents: 2083, amoShareCents: 1250 },
            ],
            approvedCents: 2083,
            amoShareCents: 1250,
            patientShareCents: 833,
            adjudicatedAt: NOW.toISOString(),
            adjudicatedBy: PROCESSOR,
          },
        },
      ]);
    const state = foldEvents(claimDecider, [...submittedHistory(), ...given(submittedHistory()).when(partial()).events()]);
    expect(state).toMatchObject({ status: 'APPROVED', claim: { totalCents: 4883 }, adjudication: { approvedCents: 2083 } });
  });

  it('drops the reason of an approved line', () =>
    given(submittedHistory())
      .when(partial([{ kind: 'OPERATOR', decision: 'APPROVE', reasonCode: 'OTHER' }, { kind: 'TECHNICAL', decision: 'REJECT', reasonCode: 'CERTIFICATION_LAPSED' }]))
      .thenMatches([{ type: 'ClaimAdjudicated', data: { lines: [{ reasonCode: null }, { reasonCode: 'CERTIFICATION_LAPSED' }], approvedCents: 2800, amoShareCents: 1680 } }]));

  it('rejects the claim with a reason code and a sealed note, by the processor', () =>
    given(submittedHistory())
      .when(reject('DUPLICATE'))
      .then([{ type: 'ClaimRejected', data: { source: 'PROCESSOR', reasonCode: 'DUPLICATE', note: sealed('days not justified'), rejectedAt: NOW.toISOString(), rejectedBy: PROCESSOR } }]));

  it('adjudicates a contested claim back in the queue', () => given(contestedHistory()).when(approve()).thenMatches([{ type: 'ClaimAdjudicated' }]));

  describe('refuses a bad decision with a 400 naming the field', () => {
    it('a REJECT without a known reason code', () =>
      expect(detailsOf(reject('BECAUSE'))).toEqual([expect.objectContaining({ field: 'reasonCode', code: 'UNKNOWN_REASON_CODE' })]));

    it('a line rejected without a known reason code', () =>
      expect(detailsOf(partial([{ kind: 'OPERATOR', decision: 'REJECT', reasonCode: null }, { kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null }]))).toEqual([
        expect.objectContaining({ field: 'lines[0].reasonCode' }),
      ]));

    it('a line decided twice, or one the claim does not have', () => {
      expect(detailsOf(partial([{ kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null }, { kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null }]))).toEqual([
        expect.objectContaining({ field: 'lines[1].kind', code: 'INVALID_LINES' }),
      ]);
      const unknown = partial([{ kind: 'EXTRA' as never, decision: 'APPROVE', reasonCode: null }]);
      expect(detailsOf(unknown)).toEqual([expect.objectContaining({ field: 'lines[0].kind' })]);
    });

    it('a line left undecided', () =>
      expect(detailsOf(partial([{ kind: 'TECHNICAL', decision: 'APPROVE', reasonCode: null }]))).toEqual([
        expect.objectContaining({ field: 'lines', code: 'INVALID_LINES', message: expect.stringContaining('OPERATOR') }),
      ]));

    it('no line approved', () => {
      const command = partial([{ kind: 'OPERATOR', decision: 'REJECT', reasonCode: 'OTHER' }, { kind: 'TECHNICAL', decision: 'REJECT', reasonCode: 'OTHER' }]);
      given(submittedHistory()).when(command).thenThrows('REQUEST.VALIDATION_FAILED', 'invalid');
      expect(detailsOf(command)).toEqual([expect.objectContaining({ field: 'lines' })]);
    });
  });

  it.each([
    ['CREATED', createdHistory()],
    ['SUBMISSION_FAILED', failedHistory()],
    ['APPROVED', approvedHistory()],
    ['REJECTED', rejectedHistory()],
    ['PAID', paidHistory()],
    ['CANCELLED', cancelledPaidHistory()],
  ] as Array<[string, ClaimEvent[]]>)('refuses to adjudicate a %s claim, 409 CLAIM.NOT_SUBMITTED', (status, history) => {
    given(history).when(approve()).thenThrows('CLAIM.NOT_SUBMITTED', 'conflict');
    expect(given(history).when(reject()).refusal()).toMatchObject({ code: 'CLAIM.NOT_SUBMITTED', extra: { status } });
  });
});
