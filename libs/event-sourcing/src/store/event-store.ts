import { GENESIS_HASH } from '@app/audit';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { EventTypeRegistry } from '../upcasting/event-type-registry';
import { APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM, APPEND_CREATING_STREAM } from './append.sql';
import { AppendCombiner, type TogetherOutcome } from './append-combiner';
import { chooseAppendStatement } from './append-statement.choice';
import { APPEND_TOGETHER } from './append-together.sql';
import { appendParams, appendTogetherParams } from './append.params';
import { isConcurrencyFailure, isExistingStream } from './conflict-detection';
import { checkMessageSizes, DEFAULT_MAX_MESSAGE_BYTES } from './message-size';
import type { AppendRequest, AppendResult, EventStoreOptions, ReadAllOptions, StoredEvent, StreamState } from './event-store.types';
import type { NamedQuery } from './named-query';
import { READ_ALL, READ_STREAM, READ_STREAM_TYPE } from './read.sql';
import { type EventRow, toStoredEvent } from './stored-event.mapper';
import { VersionConflictError } from './version-conflict.error';

/** Autocommit append statements in flight at once; more appends wait and go together (AppendCombiner). */
export const DEFAULT_CONCURRENT_APPENDS = 4;

/**
 * Postgres event store. Plain class: Nest wires it, tests and the bench use it
 * over a bare DataSource. Without a caller's EntityManager a statement goes
 * straight to node-postgres's pool as a named (prepared) statement: one round
 * trip, no TypeORM query-runner bookkeeping on the hot path; and appends that
 * find every statement busy are written together (AppendCombiner).
 */
export class EventStore {
  private readonly combiner: AppendCombiner;
  private readonly maxMessageBytes: number;

  constructor(
    private readonly dataSource: DataSource,
    readonly registry: EventTypeRegistry = new EventTypeRegistry(),
    options: EventStoreOptions = {},
  ) {
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.combiner = new AppendCombiner(
      {
        combinable: (request) => chooseAppendStatement(request) !== APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM,
        alone: (request) => this.appendAlone(request),
        together: (requests) => this.appendTogether(requests),
      },
      options.concurrentAppends ?? DEFAULT_CONCURRENT_APPENDS,
    );
  }

  async readStream(streamId: string, options: { manager?: EntityManager } = {}): Promise<StreamState> {
    const rows = await this.query<EventRow & { position: string; audit_head_hash: string | null }>(
      READ_STREAM,
      [streamId],
      options.manager,
    );
    if (rows.length === 0) return { position: 0, auditHeadHash: GENESIS_HASH, events: [] };
    return {
      position: Number(rows[0].position),
      auditHeadHash: rows[0].audit_head_hash ?? GENESIS_HASH,
      events: rows.filter((row) => row.event_id !== null).map((row) => this.upcast(row)),
    };
  }

  async appendToStream(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0 && !request.auditEntry) throw new Error('An append needs an event or an audit entry');
    checkMessageSizes(request.streamId, request.outbox, this.maxMessageBytes);
    // Inside a caller's transaction the append is that transaction's own statement.
    return request.manager ? this.appendAlone(request) : this.combiner.append(request);
  }

  private async appendAlone(request: AppendRequest): Promise<AppendResult> {
    const params = appendParams(request, (type) => this.registry.latestVersion(type));
    const rows = await this.runAppend(chooseAppendStatement(request), params, request);
    if (rows.length === 0) throw new VersionConflictError(request.streamId, request.expectedVersion);
    return {
      nextVersion: request.expectedVersion + request.events.length,
      auditSeq: request.auditEntry ? rows[0].audit_seq : null,
    };
  }

  private async runAppend(statement: NamedQuery, params: unknown[], request: AppendRequest): Promise<Array<{ audit_seq: number }>> {
    try {
      return await this.query(statement, params, request.manager);
    } catch (error) {
      // Autocommit, so the failed insert left nothing: the upsert decides between "extend" and "conflict".
      if (statement === APPEND_CREATING_STREAM && isExistingStream(error)) {
        return this.runAppend(APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM, params, request);
      }
      if (isConcurrencyFailure(error)) throw new VersionConflictError(request.streamId, request.expectedVersion);
      throw error;
    }
  }

  private async appendTogether(requests: AppendRequest[]): Promise<TogetherOutcome> {
    const params = appendTogetherParams(requests, (type) => this.registry.latestVersion(type));
    const rows = await this.query<{ i: number; audit_seq: number; busy: boolean }>(APPEND_TOGETHER, params);
    return {
      moved: new Map(rows.filter((row) => !row.busy).map((row) => [row.i, row.audit_seq])),
      busy: new Set(rows.filter((row) => row.busy).map((row) => row.i)),
    };
  }

  /** Events of every stream after `after`, in an order no late commit can ever insert into. */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const rows = await this.query<EventRow>(READ_ALL, [options.after ?? 0, options.limit ?? 1000], options.manager);
    return rows.map((row) => this.upcast(row));
  }

  /** Every committed event of the streams of one type, stream by stream (a projection's rebuild; see READ_STREAM_TYPE). */
  async readStreamType(streamType: string, options: { manager?: EntityManager } = {}): Promise<StoredEvent[]> {
    const rows = await this.query<EventRow>(READ_STREAM_TYPE, [streamType], options.manager);
    return rows.map((row) => this.upcast(row));
  }

  /** Runs a store statement: inside the caller's transaction, or prepared on the pool. */
  async query<T>(statement: NamedQuery, values: unknown[], manager?: EntityManager): Promise<T[]> {
    if (manager) return (await manager.query(statement.text, values)) as T[];
    const result = await this.pool().query({ name: statement.name, text: statement.text, values });
    return result.rows as T[];
  }

  private upcast(row: EventRow): StoredEvent {
    return this.registry.upcast(toStoredEvent(row));
  }

  private pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }
}
