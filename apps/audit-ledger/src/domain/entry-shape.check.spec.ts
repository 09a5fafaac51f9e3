import { entryShapeProblem } from './entry-shape.check';

const good = {
  id: '0190c0de-0000-7000-8000-000000000001',
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: { id: 'vendor-1', role: 'vendor' },
  action: 'device.submit',
  subject: 'device:0190c0de-0000-7000-8000-000000000002',
  relatedSubjects: ['patient:abc123', 'prescription:0190c0de-0000-7000-8000-000000000003'],
  decision: 'SUBMITTED',
  evidence: {},
  correlationId: 'c-1',
  service: 'device-certification',
  streamVersion: 1,
  prevHash: '0'.repeat(64),
  seal: { keyId: 'a'.repeat(64), signature: 'b'.repeat(128) },
};

describe('entryShapeProblem', () => {
  it('accepts an entry with every field of API.md, with or without rulesVersion', () => {
    expect(entryShapeProblem(good, 's')).toBeNull();
    expect(entryShapeProblem({ ...good, rulesVersion: '2026.1' }, 's')).toBeNull();
  });

  it.each<[string, unknown, unknown, string]>([
    ['not an object', [1], 's', 'no entry object'],
    ['a bad id', { ...good, id: 'x' }, 's', 'no UUID id'],
    ['a bad time', { ...good, occurredAt: 'yesterday' }, 's', 'no ISO 8601 occurredAt (UTC, with milliseconds)'],
    ['a time without milliseconds', { ...good, occurredAt: '2026-01-01T00:00:00Z' }, 's', 'no ISO 8601 occurredAt (UTC, with milliseconds)'],
    ['an actor without role', { ...good, actor: { id: 'x' } }, 's', 'actor must be { id, role }'],
    ['no action', { ...good, action: undefined }, 's', 'action must be a non-empty string'],
    ['a made-up subject kind', { ...good, subject: 'invoice:1' }, 's', 'subject must be <kind>:<id> (API.md)'],
    ['a bad related subject', { ...good, relatedSubjects: ['x'] }, 's', 'relatedSubjects must be a list of <kind>:<id>'],
    ['no decision', { ...good, decision: '' }, 's', 'decision must be a non-empty string'],
    ['evidence as text', { ...good, evidence: 'x' }, 's', 'evidence must be an object'],
    ['no correlation id', { ...good, correlationId: undefined }, 's', 'correlationId must be a non-empty string'],
    ['no service', { ...good, service: undefined }, 's', 'service must be a non-empty string'],
    ['a fractional version', { ...good, streamVersion: 1.5 }, 's', 'no integer streamVersion'],
    ['no prevHash', { ...good, prevHash: undefined }, 's', 'no prevHash (64 lowercase hex)'],
    ['a short prevHash', { ...good, prevHash: 'ab' }, 's', 'no prevHash (64 lowercase hex)'],
    ['a malformed seal', { ...good, seal: { keyId: 'x', signature: 'y' } }, 's', 'seal must be { keyId: 64 hex, signature: 128 hex }'],
    ['no stream', good, '', 'no streamId on the envelope'],
    ['a stream id with a NUL', good, 'device:\u0000', 'no streamId on the envelope'],
  ])('refuses %s', (_case, entry, streamId, problem) => {
    expect(entryShapeProblem(entry, streamId)).toBe(problem);
  });
});
