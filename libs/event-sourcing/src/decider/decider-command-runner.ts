import type { ChainedAuditEntry } from '@app/audit';
import { OutboxSignal } from '@app/messaging';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_SOURCING_OPTIONS, type EventSourcingOptions } from '../event-sourcing.options';
import { EventStore } from '../store/event-store';
import { VersionConflictError } from '../store/version-conflict.error';
import type { AuditRecordInput } from './audit-record.plan';
import { planAuditRecord } from './audit-record.plan';
import type { DomainEvent } from './decider';
import { type DecisionInput, type DecisionPlan, planDecision } from './decision.plan';

type Supplied = 'stream' | 'service' | 'newId' | 'schemaVersionOf';

export interface RunOptions {
  /** Join the caller's transaction (a consumer's); the caller then wakes the relay after its commit. */
  manager?: EntityManager;
  /** Reload, re-decide and re-append this many times on a version conflict. Default 0: the 409 surfaces. */
  retries?: number;
}

export type DeciderRun<State, Command, Event extends DomainEvent> = Omit<DecisionInput<State, Command, Event>, Supplied> &
  RunOptions;

export type DeciderRunResult<State, Event> = Omit<DecisionPlan<State, Event>, 'append'>;

export type AuditRecord = Omit<AuditRecordInput, Supplied> & RunOptions;

/**
 * Load -> fold -> decide -> append (events, chained audit entry and outbox rows
 * in one statement) -> wake the outbox relay after the commit. The logic lives
 * in the pure plans; this shell only does the I/O.
 */
@Injectable()
export class DeciderCommandRunner {
  constructor(
    private readonly store: EventStore,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
    @Optional() private readonly outboxSignal?: OutboxSignal,
  ) {}

  async run<State, Command, Event extends DomainEvent>(
    request: DeciderRun<State, Command, Event>,
  ): Promise<DeciderRunResult<State, Event>> {
    return this.withRetries(request, async () => {
      const stream = await this.store.readStream(request.streamId, { manager: request.manager });
      const { append, ...result } = planDecision({
        ...request,
        stream,
        service: this.options.service,
        newId: uuidv7,
        schemaVersionOf: (type) => this.store.registry.latestVersion(type),
      });
      if (append) await this.store.appendToStream({ ...append, manager: request.manager });
      return result;
    });
  }

  /** Appends an audit entry alone (e.g. to `attempt:<id>`), chained and published like any other. */
  async recordAudit(request: AuditRecord): Promise<ChainedAuditEntry> {
    return this.withRetries(request, async () => {
      const stream = await this.store.readStream(request.streamId, { manager: request.manager });
      const { append, auditEntry } = planAuditRecord({ ...request, stream, service: this.options.service, newId: uuidv7 });
      await this.store.appendToStream({ ...append, manager: request.manager });
      return auditEntry;
    });
  }

  private async withRetries<T>(options: RunOptions, attempt: () => Promise<T>): Promise<T> {
    for (let retriesLeft = options.retries ?? 0; ; retriesLeft -= 1) {
      try {
        const result = await attempt();
        // Inside a caller's transaction nothing is committed yet: its owner wakes the relay.
        if (!options.manager) this.outboxSignal?.notify();
        return result;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || retriesLeft <= 0) throw error;
      }
    }
  }
}
