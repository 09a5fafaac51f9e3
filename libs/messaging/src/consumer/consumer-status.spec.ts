import { describeUnjoined } from './consumer-status';

describe('describeUnjoined', () => {
  it('is empty when every consumer has joined its group', () => {
    expect(describeUnjoined([{ groupId: 'svc.a', topics: ['a.v1'], state: 'joined' }])).toEqual([]);
  });

  it('names each consumer that is not consuming, its state and why', () => {
    expect(
      describeUnjoined([
        { groupId: 'svc.a', topics: ['a.v1'], state: 'joined' },
        { groupId: 'svc.b', topics: ['b.v1'], state: 'waiting', reason: 'broker 127.0.0.1:19092 does not answer: connect ECONNREFUSED' },
        { groupId: 'svc.c', topics: ['c.v1'], state: 'joining' },
      ]),
    ).toEqual(['consumer svc.b waiting (broker 127.0.0.1:19092 does not answer: connect ECONNREFUSED)', 'consumer svc.c joining']);
  });
});
