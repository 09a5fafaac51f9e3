import type { Ed25519SigningKey } from '@app/audit';
import { OutboxSignal } from '@app/messaging';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '../decider/decider';
import { AUDIT_SIGNING_KEY, EVENT_SOURCING_OPTIONS, type EventSourcingOptions } from '../event-sourcing.options';
import { EventStore } from '../store/event-store';
import { VersionConflictError } from '../store/version-conflict.error';
import type { Aggregate, CommandRequest } from './aggregate';
import { COMMAND_ANSWERS, type CommandAnswers } from './command-answers';
import { CommandUnit } from './command-unit';
import { Refusal } from './refusal';
import type { Transaction } from './transaction';

/** A command decided on a stream that moved meanwhile is decided again on the new state, this many times. */
export const DEFAULT_CONFLICT_RETRIES = 3;

/**
 * The one command path of every service. In ONE transaction: the stored
 * answer is claimed (Idempotency-Key), the caller admitted, the stream
 * loaded and the command decided, the events, audit entry and outbox rows
 * appended, the read model written, the answer recorded. Then the commit,
 * then the outbox relay's wake-up. A version conflict runs the whole
 * transaction again on the new state, a bounded number of times. The caller
 * gets what the projection returned: no second read.
 */
@Injectable()
export class CommandPipeline {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: Pick<EventSourcingOptions, 'service' | 'conflictRetries'>,
    @Inject(AUDIT_SIGNING_KEY) private readonly signingKey: Ed25519SigningKey,
    @Optional() private readonly outboxSignal?: OutboxSignal,
    @Optional() @Inject(COMMAND_ANSWERS) private readonly answers?: CommandAnswers,
  ) {}

  run<State, Command, Event extends DomainEvent, View>(
    aggregate: Aggregate<State, Command, Event, View>,
    request: CommandRequest<Command>,
  ): Promise<View> {
    return this.transaction((unit) => unit.execute(aggregate, request));
  }

  /**
   * For a use case that does more in the transaction than one decision (an
   * evaluation read first, a refusal audited instead): `work` returns the
   * answer, or a Refusal that is thrown once its audit entry is committed.
   */
  async transaction<T>(work: (unit: CommandUnit) => Promise<T | Refusal>): Promise<T> {
    const retries = this.options.conflictRetries ?? DEFAULT_CONFLICT_RETRIES;
    for (let attempt = 0; ; attempt += 1) {
      let outcome: T | Refusal;
      try {
        outcome = await this.dataSource.transaction((tx) => this.attempt(tx, work));
      } catch (error) {
        if (error instanceof VersionConflictError && attempt < retries) continue;
        throw error;
      }
      // Woken only after the commit: a NOTIFY inside the transaction would serialise commits.
      this.outboxSignal?.notify();
      if (outcome instanceof Refusal) throw outcome.error;
      return outcome;
    }
  }

  /** A unit inside a transaction someone else owns (a consumer's, with its inbox row); its owner commits and wakes the relay. */
  within(tx: Transaction): CommandUnit {
    return new CommandUnit(tx, this.store, { service: this.options.service, signingKey: this.signingKey });
  }

  private async attempt<T>(tx: Transaction, work: (unit: CommandUnit) => Promise<T | Refusal>): Promise<T | Refusal> {
    await this.answers?.claim(tx);
    const outcome = await work(this.within(tx));
    await this.answers?.record(tx, outcome instanceof Refusal ? { error: outcome.error } : { value: outcome });
    return outcome;
  }
}
