import { DomainError } from '@app/contracts';
import type { Decider } from '@app/event-sourcing/decider/decider';
import { deciderSpecification } from './decider-specification';

type Event = { type: 'Counted'; data: { by: number } };
type Command = { by: number };
const counter: Decider<{ total: number }, Command, Event> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) => {
    if (command.by <= 0) throw new DomainError('COUNTER.NOT_POSITIVE', 'count up only', 'invalid');
    if (state.total + command.by > 10) throw new DomainError('COUNTER.FULL', 'ten at most', 'rule');
    return command.by === 0 ? [] : [{ type: 'Counted', data: { by: command.by } }];
  },
};
const given = deciderSpecification(counter);
const counted = (by: number): Event => ({ type: 'Counted', data: { by } });

describe('deciderSpecification', () => {
  it('folds the given events with the decider itself before deciding', () => {
    given([counted(4), counted(5)]).when({ by: 1 }).then([counted(1)]);
    given([counted(4), counted(5)]).when({ by: 2 }).thenThrows('COUNTER.FULL', 'rule');
  });

  it('fails when the events differ, or when only a shape is given to then()', () => {
    expect(() => given([]).when({ by: 1 }).then([counted(2)])).toThrow();
    expect(() => given([]).when({ by: 1 }).then([{ type: 'Counted' } as Event])).toThrow();
    expect(() => given([]).when({ by: 1 }).thenMatches([{ type: 'Counted' }])).not.toThrow();
  });

  it('fails when a refusal was expected and the command was accepted, naming what was decided', () => {
    expect(() => given([]).when({ by: 1 }).thenThrows('COUNTER.FULL')).toThrow('expected a refusal, but the command was accepted with ["Counted"]');
  });

  it('fails on another code or kind of refusal', () => {
    expect(() => given([]).when({ by: -1 }).thenThrows('COUNTER.FULL')).toThrow();
    expect(() => given([]).when({ by: -1 }).thenThrows('COUNTER.NOT_POSITIVE', 'rule')).toThrow();
    expect(given([]).when({ by: -1 }).refusal()).toMatchObject({ code: 'COUNTER.NOT_POSITIVE', kind: 'invalid' });
  });
});
