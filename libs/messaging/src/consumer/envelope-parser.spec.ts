import { InvalidMessageError, parseEnvelope } from './envelope-parser';

describe('parseEnvelope', () => {
  const envelope = { id: '0190c0de-0000-7000-8000-000000000001', type: 'DeviceCertified', data: { a: 1 } };

  it('returns the envelope of a JSON message', () => {
    expect(parseEnvelope(Buffer.from(JSON.stringify(envelope)))).toEqual(envelope);
  });

  it.each([
    ['no value', null, 'no value'],
    ['invalid JSON', Buffer.from('{not json'), 'not valid JSON'],
    ['a JSON array', Buffer.from('[1,2]'), 'not a JSON object'],
    ['no id', Buffer.from('{"type":"X"}'), 'no string id'],
    ['a numeric id', Buffer.from('{"id":1,"type":"X"}'), 'no string id'],
    ['no type', Buffer.from('{"id":"e1"}'), 'no string type'],
  ])('rejects a message with %s', (_case, value, message) => {
    expect(() => parseEnvelope(value)).toThrow(InvalidMessageError);
    expect(() => parseEnvelope(value)).toThrow(message);
  });
});
