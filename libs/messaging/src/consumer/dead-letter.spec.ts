import { DomainError } from '@app/contracts';
import { deadLetterHeaders, DLQ_HEADERS } from './dead-letter';

describe('deadLetterHeaders', () => {
  const cause = {
    topic: 'prescription.events.v1',
    partition: 2,
    offset: '41',
    attempts: 3,
    consumer: 'claims.prescriptions',
    failedAt: new Date('2026-01-15T10:00:00.000Z'),
  };

  it('keeps the original headers and adds the error and where the message came from', () => {
    const headers = deadLetterHeaders({ 'event-id': 'e1' }, { ...cause, error: new TypeError('boom') });
    expect(headers).toEqual({
      'event-id': 'e1',
      [DLQ_HEADERS.errorMessage]: 'boom',
      [DLQ_HEADERS.errorName]: 'TypeError',
      [DLQ_HEADERS.originalTopic]: 'prescription.events.v1',
      [DLQ_HEADERS.originalPartition]: '2',
      [DLQ_HEADERS.originalOffset]: '41',
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.consumer]: 'claims.prescriptions',
      [DLQ_HEADERS.failedAt]: '2026-01-15T10:00:00.000Z',
    });
  });

  it('carries the code of a coded error', () => {
    const error = new DomainError('CLAIM.NOT_BILLABLE', 'not billable', 'rule');
    expect(deadLetterHeaders(undefined, { ...cause, error })[DLQ_HEADERS.errorCode]).toBe('CLAIM.NOT_BILLABLE');
  });

  it('describes a thrown non-error and truncates long messages', () => {
    expect(deadLetterHeaders(undefined, { ...cause, error: 'plain' })[DLQ_HEADERS.errorMessage]).toBe('plain');
    const long = deadLetterHeaders(undefined, { ...cause, error: new Error('x'.repeat(5_000)) });
    expect((long[DLQ_HEADERS.errorMessage] as string).length).toBe(1_000);
  });
});
