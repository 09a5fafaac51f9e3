import type { KafkaMessage } from 'kafkajs';
import { nextOffset, planBatch } from './batch-plan';
import { InvalidMessageError } from './envelope-parser';

const message = (offset: number, value: string | null): KafkaMessage =>
  ({ offset: String(offset), value: value === null ? null : Buffer.from(value), key: null, headers: {}, timestamp: '0', attributes: 0 }) as KafkaMessage;
const good = (offset: number) => message(offset, JSON.stringify({ id: `e${offset}`, type: 'T', data: {} }));

const shape = (steps: ReturnType<typeof planBatch>) =>
  steps.map((step) => (step.kind === 'run' ? step.messages.map((m) => m.message.offset) : `x${step.message.offset}`));

describe('planBatch', () => {
  it('keeps a batch of readable messages as one run, in offset order', () => {
    const steps = planBatch([good(4), good(5), good(6)], 500);
    expect(shape(steps)).toEqual([['4', '5', '6']]);
    expect(steps[0].kind === 'run' && steps[0].messages[1].envelope.id).toBe('e5');
  });

  it('cuts runs at the largest size handled in one transaction', () => {
    expect(shape(planBatch([good(1), good(2), good(3), good(4), good(5)], 2))).toEqual([['1', '2'], ['3', '4'], ['5']]);
  });

  it('puts each unreadable message between the runs around it, with the reason', () => {
    const steps = planBatch([good(1), message(2, '{nope'), message(3, null), good(4)], 500);
    expect(shape(steps)).toEqual([['1'], 'x2', 'x3', ['4']]);
    expect(steps[1].kind === 'unreadable' && steps[1].error).toBeInstanceOf(InvalidMessageError);
  });

  it('gives nothing to do for an empty batch', () => {
    expect(planBatch([], 500)).toEqual([]);
  });
});

describe('nextOffset', () => {
  it('is the offset after the message, beyond the safe integer range too', () => {
    expect(nextOffset(good(41))).toBe('42');
    expect(nextOffset({ ...good(0), offset: '9007199254740993' })).toBe('9007199254740994');
  });
});
