/** What a decider emits: an explicit, rename-proof type string and its data. */
export interface DomainEvent<TType extends string = string, TData extends object = Record<string, unknown>> {
  type: TType;
  data: TData;
}

/**
 * An aggregate as three pure functions (Emmett's decider). `decide` returns
 * the new events or throws a DomainError; the command carries the time and the
 * ids it needs, so the domain never reads a clock.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event | Event[];
}

export function foldEvents<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
  state: State = decider.initialState(),
): State {
  return events.reduce(decider.evolve, state);
}

export function decideEvents<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  command: Command,
  state: State,
): Event[] {
  const decided = decider.decide(command, state);
  return Array.isArray(decided) ? decided : [decided];
}

/** One decision per command type, each typed with its own command: the exhaustive table a decider's `decide` dispatches to. */
export type DecisionTable<Command extends { type: string }, State, Event> = {
  [T in Command['type']]: (command: Extract<Command, { type: T }>, state: State) => Event[];
};

/** A decider's `decide`: the command goes to the decision of its type (the table guarantees there is one). */
export function decideByType<Command extends { type: string }, State, Event>(decisions: DecisionTable<Command, State, Event>, command: Command, state: State): Event[] {
  const decide = decisions[command.type as Command['type']] as (command: Command, state: State) => Event[];
  return decide(command, state);
}
