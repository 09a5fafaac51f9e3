import { topicStreams, type TopicRecord } from './fault-checks';

const record = (offset: number, id: string, streamId: string, version: number): TopicRecord => ({
  partition: 0,
  offset: String(offset),
  envelope: { id, type: 'Happened', streamId, version },
});

describe('topicStreams (how the fault tests read a topic back)', () => {
  it('counts a second copy of an event as a copy, not as a step of its stream', () => {
    const read = topicStreams([record(0, 'a1', 'a', 1), record(1, 'a2', 'a', 2), record(2, 'a2', 'a', 2), record(3, 'a3', 'a', 3)]);
    expect(read.copies).toBe(1);
    expect(read.outOfOrder).toEqual([]);
    expect(read.streams.get('a')?.map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('names a stream whose events come out of order, or with a hole', () => {
    const read = topicStreams([record(0, 'a2', 'a', 2), record(1, 'a1', 'a', 1), record(2, 'b1', 'b', 1), record(3, 'b3', 'b', 3)]);
    expect(read.outOfOrder).toEqual(['a: 2,1', 'b: 1,3']);
  });
});
