import type { AppendRequest, AppendResult } from './event-store.types';
import { VersionConflictError } from './version-conflict.error';

/** What the combiner needs of the store: one append by itself, and several in one statement. */
export interface AppendStatements {
  /** Whether `request` may share a statement with others (see EventStore). */
  combinable(request: AppendRequest): boolean;
  alone(request: AppendRequest): Promise<AppendResult>;
  /** Several in one statement; by index in `requests`. */
  together(requests: AppendRequest[]): Promise<TogetherOutcome>;
}

export interface TogetherOutcome {
  /** The new audit_seq of each append that moved its stream; an append in neither map nor set did not move it. */
  moved: Map<number, number>;
  /** Appends whose stream another transaction had locked: nothing written, they go alone. */
  busy: Set<number>;
}

interface Waiting {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** Appends in one statement at most: enough to spread a commit, few enough to keep the statement short. */
const MAX_TOGETHER = 64;

/**
 * Runs a process's autocommit appends, at most `concurrency` statements at a
 * time. An append that finds a statement free goes alone, with the statements
 * of append.sql.ts, so a quiet service sees no difference. Appends that arrive
 * while every statement is busy wait, and the next free statement takes the
 * oldest of them together with the others that may share it (distinct
 * streams): under load the cost of a statement and of a commit is spread over
 * many appends, which is where a busy Postgres spends its time.
 *
 * Each append keeps its own outcome. One whose stream did not move is a
 * VersionConflictError as it would have been alone; it is retried alone
 * instead when its stream was locked by another transaction (the shared
 * statement does not wait), or when an expected version of 0 met an existing
 * stream (it may hold audit entries only). If the shared statement fails, nothing of it was written,
 * and each of its appends runs again alone, so an error is only ever its own.
 */
export class AppendCombiner {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly statements: AppendStatements,
    private readonly concurrency: number,
  ) {
    if (!(concurrency >= 1)) throw new Error(`concurrentAppends must be at least 1, not ${concurrency}`);
  }

  append(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.concurrency && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.dispatch();
      });
    }
  }

  /** The oldest waiting append, with every later one that may join it; the others keep their place. */
  private takeBatch(): Waiting[] {
    const [oldest] = this.waiting;
    if (!this.statements.combinable(oldest.request)) return this.waiting.splice(0, 1);
    const streams = new Set<string>();
    const batch: Waiting[] = [];
    for (let index = 0; index < this.waiting.length && batch.length < MAX_TOGETHER; ) {
      const candidate = this.waiting[index];
      // Two appends to one stream never share a statement: the second must see the first's outcome.
      if (!streams.has(candidate.request.streamId) && this.statements.combinable(candidate.request)) {
        streams.add(candidate.request.streamId);
        batch.push(candidate);
        this.waiting.splice(index, 1);
      } else {
        index += 1;
      }
    }
    return batch;
  }

  private async run(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]);
    let outcome: TogetherOutcome;
    try {
      outcome = await this.statements.together(batch.map((waiting) => waiting.request));
    } catch {
      for (const waiting of batch) await this.runAlone(waiting);
      return;
    }
    const again: Waiting[] = [];
    for (const [index, waiting] of batch.entries()) {
      const { request } = waiting;
      const auditSeq = outcome.moved.get(index);
      if (auditSeq !== undefined) {
        waiting.resolve({ nextVersion: request.expectedVersion + request.events.length, auditSeq: request.auditEntry ? auditSeq : null });
      } else if (request.expectedVersion > 0 && !outcome.busy.has(index)) {
        waiting.reject(new VersionConflictError(request.streamId, request.expectedVersion));
      } else {
        again.push(waiting);
      }
    }
    // After every settled one has its answer: an append going alone may wait for a lock.
    for (const waiting of again) await this.runAlone(waiting);
  }

  private async runAlone({ request, resolve, reject }: Waiting): Promise<void> {
    try {
      resolve(await this.statements.alone(request));
    } catch (error) {
      reject(error);
    }
  }
}
