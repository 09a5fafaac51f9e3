import type { Ed25519SigningKey } from '@app/audit';
import { v7 as uuidv7 } from 'uuid';
import type { AuditDraft } from '../decider/audit-draft';
import { planAuditRecord } from '../decider/audit-record.plan';
import type { DomainEvent } from '../decider/decider';
import { planDecision } from '../decider/decision.plan';
import type { EventStore } from '../store/event-store';
import type { Aggregate, CommandRequest, CommandStep } from './aggregate';
import type { CommandContext } from './command-context';
import { Refusal } from './refusal';
import type { Transaction } from './transaction';

/** An audit entry with no event, on a stream of its own (`attempt:<id>`). */
export interface AuditedRefusal {
  streamId: string;
  streamType: string;
  draft: AuditDraft;
  context: CommandContext;
}

/**
 * What a handler may do inside the command's transaction: decide a command
 * on an aggregate, or audit a refusal. The pipeline owns the transaction
 * around it; a consumer that already holds one gets a unit on it.
 */
/** Who writes the audit entries: the service's name and its own sealing key. */
export interface AuditWriter {
  service: string;
  signingKey: Ed25519SigningKey;
}

export class CommandUnit {
  constructor(
    readonly tx: Transaction,
    private readonly store: EventStore,
    private readonly writer: AuditWriter,
  ) {}

  /** Admit -> load -> fold -> decide -> append (events, chained audit entry, outbox) -> project. */
  async execute<State, Command, Event extends DomainEvent, View>(
    aggregate: Aggregate<State, Command, Event, View>,
    request: CommandRequest<Command>,
  ): Promise<View> {
    const { streamId, context } = request;
    await aggregate.admit?.(this.tx, request);
    const stream = await this.store.readStream(streamId, { manager: this.tx });
    const { append, previousState, state, events, version } = planDecision({
      decider: aggregate.decider,
      command: request.command,
      context,
      stream,
      streamId,
      streamType: aggregate.streamType,
      topic: aggregate.contract.topic,
      audit: (step) => aggregate.audit({ ...step, streamId, context }),
      ...this.writer,
      newId: uuidv7,
      schemaVersionOf: (type) => aggregate.contract.schemaVersions[type as Event['type']],
    });
    if (append) await this.store.appendToStream({ ...append, manager: this.tx });
    const step: CommandStep<State, Event> = { streamId, previousState, state, events, version, context };
    return aggregate.project(this.tx, step);
  }

  /** Audits a refusal that matters for liability; the pipeline commits the entry, then throws the error. */
  async refuse(error: Error, audit: AuditedRefusal): Promise<Refusal> {
    const stream = await this.store.readStream(audit.streamId, { manager: this.tx });
    const { append } = planAuditRecord({ ...audit, stream, ...this.writer, newId: uuidv7 });
    await this.store.appendToStream({ ...append, manager: this.tx });
    return new Refusal(error);
  }
}
