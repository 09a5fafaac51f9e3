import { EMPTY_TREE_ROOT, rootPlan, signTreeHead, type SignedTreeHead } from '@app/audit';
import type { Clock } from '@app/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { planBatch, type BatchPlan, type PendingEntry } from '../domain/ledger-batch.plan';
import { quarantineRecord } from '../domain/quarantine';
import type { ChainFinding } from '../domain/stream-link.check';
import type { LedgerSigningKey } from '../signing/ledger-signing-key';
import { insertEntries, recordedEntryIds, treeSize } from '../store/entry.store';
import { insertNodes, readNodes } from '../store/node.store';
import { recordQuarantine } from '../store/quarantine.store';
import { deletePending, readPending } from '../store/pending.store';
import { readStreamHeads, upsertStreamHeads } from '../store/stream-head.store';
import { insertTreeHead, latestTreeHeadTime, treeHeadCount } from '../store/tree-head.store';
import { tryTakeWriterLock } from './writer-lock';

export interface AppendOutcome {
  appended: number;
  /** Pending rows taken (appended plus redelivered duplicates). */
  taken: number;
  alerts: number;
  treeHead: SignedTreeHead | null;
}

/**
 * The single writer: takes a batch of staged entries under the schema's
 * advisory lock, appends those that continue their stream's chain,
 * quarantines the others with their alerts (outbox), and signs the new tree
 * head, all in one transaction.
 */
export class LedgerAppender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: LedgerSigningKey,
    private readonly clock: Clock,
    private readonly batchSize = 2_000,
  ) {}

  /** One batch; `taken` 0 when there was nothing to do or another replica holds the lock. */
  appendBatch(): Promise<AppendOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const idle: AppendOutcome = { appended: 0, taken: 0, alerts: 0, treeHead: null };
      if (!(await tryTakeWriterLock(manager))) return idle;
      const pending = await readPending(manager, this.batchSize);
      if (pending.length === 0) return idle;
      const plan = await this.plan(manager, pending);
      await this.store(manager, plan);
      await deletePending(manager, pending.map((p) => p.position));
      const alerts = await this.raiseAlerts(manager, plan);
      const treeHead = plan.entries.length > 0 ? await this.signHead(manager, plan.treeSize, plan.rootHash) : null;
      return { appended: plan.entries.length, taken: pending.length, alerts, treeHead };
    });
  }

  /** The empty tree's head, so a fresh ledger already serves a signed head. */
  async signInitialHead(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if ((await tryTakeWriterLock(manager)) && (await treeHeadCount(manager)) === 0) await this.signHead(manager, 0, EMPTY_TREE_ROOT);
    });
  }

  private async plan(manager: EntityManager, pending: PendingEntry[]): Promise<BatchPlan> {
    const size = await treeSize(manager);
    return planBatch({
      treeSize: size,
      frontier: await readNodes(manager, rootPlan(size)),
      pending,
      heads: await readStreamHeads(manager, [...new Set(pending.map((p) => p.streamId))]),
      recorded: await recordedEntryIds(manager, pending.map((p) => p.entryId)),
    });
  }

  private async store(manager: EntityManager, { entries, nodes, heads }: BatchPlan): Promise<void> {
    if (entries.length === 0) return;
    await insertEntries(manager, entries, this.clock.now());
    await insertNodes(manager, nodes);
    await upsertStreamHeads(manager, heads);
  }

  /** Entries whose link is broken are quarantined (with their alert) instead of appended. */
  private async raiseAlerts(manager: EntityManager, plan: BatchPlan): Promise<number> {
    const now = this.clock.now();
    const records = plan.refused.map(({ pending, finding, entry }) =>
      quarantineRecord({
        id: uuidv7(),
        reason: finding.reason,
        message: chainMessage(finding),
        raw: new TextEncoder().encode(pending.entryJcs),
        claims: { entryId: pending.entryId, service: typeof entry.service === 'string' ? entry.service : null, streamId: pending.streamId },
        place: pending.place,
        now,
      }),
    );
    await recordQuarantine(manager, records);
    return records.length;
  }

  /** Timestamps never go backwards, even if the platform clock is moved back between runs. */
  private async signHead(manager: EntityManager, size: number, rootHash: Uint8Array): Promise<SignedTreeHead> {
    const timestampMs = Math.max(this.clock.now().getTime(), await latestTreeHeadTime(manager));
    const head = signTreeHead(this.key.privateKey, timestampMs, size, rootHash);
    await insertTreeHead(manager, head, rootHash, timestampMs);
    return head;
  }
}

function chainMessage(finding: ChainFinding): string {
  switch (finding.reason) {
    case 'HASH_MISMATCH':
      return `the hash sent (${finding.claimedHash}) is not the entry's (${finding.computedHash})`;
    case 'PREV_HASH_MISMATCH':
      return `prevHash ${finding.actualPrevHash} does not continue stream ${finding.streamId} (its head is ${finding.expectedPrevHash})`;
    case 'STREAM_VERSION_REGRESSION':
      return `the stream version goes back on stream ${finding.streamId}`;
  }
}
