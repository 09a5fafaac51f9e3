import type { ChainedAuditEntry, Ed25519SigningKey } from '@app/audit';
import { TOPICS, type EventEnvelope } from '@app/contracts';
import type { AppendRequest, NewEvent, StreamState } from '../store/event-store.types';
import type { AuditDraft } from './audit-draft';
import { auditEnvelope, buildAuditEntry } from './audit-entry.builder';
import type { CommandContext } from '../command/command-context';
import { type Decider, type DomainEvent, decideEvents, foldEvents } from './decider';
import { eventEnvelope, outboxMessage } from './envelope.builder';

export interface AuditInput<State, Event> {
  state: State;
  previousState: State;
  events: Event[];
  version: number;
}

export interface DecisionInput<State, Command, Event extends DomainEvent> {
  decider: Decider<State, Command, Event>;
  command: Command;
  context: CommandContext;
  stream: StreamState;
  streamId: string;
  streamType: string;
  /** Topic of the aggregate's events, e.g. TOPICS.prescription. */
  topic: string;
  /** The step's audit entry; null when the step is not worth one. */
  audit: (input: AuditInput<State, Event>) => AuditDraft | null;
  service: string;
  /** The service's key that seals its audit entries. */
  signingKey: Ed25519SigningKey;
  newId: () => string;
  schemaVersionOf: (type: string) => number;
}

export interface DecisionPlan<State, Event> {
  previousState: State;
  state: State;
  version: number;
  events: Event[];
  envelopes: EventEnvelope[];
  auditEntry: ChainedAuditEntry | null;
  /** Null when the decider decided nothing: there is nothing to write. */
  append: Omit<AppendRequest, 'manager'> | null;
}

/**
 * The pure core of a command run: fold the stream, decide, and lay out
 * everything the append writes (events, chained audit entry, outbox rows).
 * Throws whatever the decider throws.
 */
export function planDecision<State, Command, Event extends DomainEvent>(
  input: DecisionInput<State, Command, Event>,
): DecisionPlan<State, Event> {
  const { decider, stream, context } = input;
  // Stored events come back upcast to the latest schema of their type, which is what the decider's union describes.
  const previousState = foldEvents(decider, stream.events as unknown as Event[]);
  const events = decideEvents(decider, input.command, previousState);
  if (events.length === 0) {
    return { previousState, state: previousState, version: stream.position, events, envelopes: [], auditEntry: null, append: null };
  }
  const state = foldEvents(decider, events, previousState);
  const version = stream.position + events.length;
  const target = { id: input.streamId, type: input.streamType };
  const metadata = { actor: context.actor, correlationId: context.correlationId, causationId: context.causationId };
  const occurredAt = context.now.toISOString();
  const newEvents: NewEvent[] = events.map((event) => ({
    id: input.newId(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    schemaVersion: input.schemaVersionOf(event.type),
    occurredAt,
    metadata,
  }));
  const envelopes = newEvents.map((event, index) => eventEnvelope(event, target, stream.position + index + 1));
  const draft = input.audit({ state, previousState, events, version });
  const built = draft
    ? buildAuditEntry({ draft, id: input.newId(), prevHash: stream.auditHeadHash, streamVersion: version, service: input.service, signingKey: input.signingKey, context })
    : null;
  const auditEntry = built?.audit ?? null;
  const outbox = envelopes.map((envelope) => outboxMessage(input.topic, envelope));
  if (auditEntry) outbox.push(outboxMessage(TOPICS.auditEntries, auditEnvelope(auditEntry, target, context)));
  return {
    previousState,
    state,
    version,
    events,
    envelopes,
    auditEntry,
    append: {
      streamId: input.streamId,
      streamType: input.streamType,
      expectedVersion: stream.position,
      events: newEvents,
      auditEntry: auditEntry ?? undefined,
      disclosures: built?.disclosures ?? [],
      outbox,
    },
  };
}
