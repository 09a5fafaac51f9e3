/**
 * Where a consumer the factory runs stands. Only `joined` consumes: readiness
 * waits for it, since a service whose consumers have not joined their groups
 * serves stale read models and lets its topics' backlog grow.
 */
export type ConsumerState =
  /** Not started yet, or between two failed start attempts. */
  | 'waiting'
  /** Connecting, creating its topics, subscribing. */
  | 'starting'
  /** Started; its group join (or kafkajs's own restart after a crash) is under way. */
  | 'joining'
  | 'joined'
  | 'stopped';

export interface ConsumerStatus {
  groupId: string;
  topics: string[];
  state: ConsumerState;
  /** The last failure, while not joined. */
  reason?: string;
}

/** One line per consumer that is not consuming, for `/health/ready`; empty when all have joined. */
export function describeUnjoined(statuses: ConsumerStatus[]): string[] {
  return statuses
    .filter((status) => status.state !== 'joined')
    .map((status) => `consumer ${status.groupId} ${status.state}${status.reason ? ` (${status.reason})` : ''}`);
}
