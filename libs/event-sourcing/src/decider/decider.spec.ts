import { deciderSpecification } from '@app/testing/decider-specification';
import { type ReviewEvent, reviewDecider } from '../fixtures/review.decider';
import { decideByType, decideEvents, foldEvents, type DecisionTable } from './decider';

const now = new Date('2025-03-01T10:00:00.000Z');
const opened: ReviewEvent = { type: 'ReviewOpened', data: { reviewId: 'r1', openedAt: now.toISOString() } };
const approved: ReviewEvent = { type: 'ReviewApproved', data: { reviewId: 'r1', approvedAt: now.toISOString(), note: 'ok' } };

describe('foldEvents', () => {
  it('starts from the initial state', () => {
    expect(foldEvents(reviewDecider, [])).toEqual({ status: 'none', approvals: 0 });
  });

  it('folds past events in order', () => {
    expect(foldEvents(reviewDecider, [opened, approved])).toEqual({ status: 'approved', approvals: 1 });
  });

  it('continues from a given state', () => {
    const open = foldEvents(reviewDecider, [opened]);
    expect(foldEvents(reviewDecider, [approved], open)).toEqual({ status: 'approved', approvals: 1 });
  });
});

describe('decideEvents', () => {
  const given = deciderSpecification(reviewDecider);

  it('given an open review, when approved, then ReviewApproved', () => {
    given([opened]).when({ type: 'ApproveReview', reviewId: 'r1', note: 'ok', now }).then([approved]);
  });

  it('given no review, when approved, then the rule error', () => {
    given([]).when({ type: 'ApproveReview', reviewId: 'r1', note: 'ok', now }).thenThrows('REVIEW.NOT_OPEN', 'rule');
  });

  it('wraps a single decided event in a list', () => {
    expect(decideEvents(reviewDecider, { type: 'OpenReview', reviewId: 'r1', now }, foldEvents(reviewDecider, []))).toEqual([opened]);
  });
});

describe('decideByType', () => {
  type Command = { type: 'Add'; n: number } | { type: 'Reset' };
  const table: DecisionTable<Command, number, string> = {
    Add: (command, state) => [`added ${command.n} to ${state}`],
    Reset: () => ['reset'],
  };

  it('hands each command to the decision of its type, with the state', () => {
    expect(decideByType(table, { type: 'Add', n: 2 }, 40)).toEqual(['added 2 to 40']);
    expect(decideByType(table, { type: 'Reset' }, 40)).toEqual(['reset']);
  });
});
