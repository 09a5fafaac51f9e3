import { EMPTY_TREE_ROOT, rootPlan, signTreeHead, type SignedTreeHead } from '@app/audit';
import { AUDIT_ALERTS_V1 } from '@app/contracts';
import type { Clock } from '@app/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { chainAlertEnvelope } from '../domain/chain-alert';
import { planBatch, type BatchPlan, type PendingEntry } from '../domain/ledger-batch.plan';
import type { LedgerSigningKey } from '../signing/ledger-signing-key';
import { insertEntries, recordedEntryIds, treeSize } from '../store/entry.store';
import { insertNodes, readNodes } from '../store/node.store';
import { announce } from '../store/outbox.store';
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
 * advisory lock, appends them to the tree, records chain findings and their
 * alerts (outbox), and signs the new tree head, all in one transaction.
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

  private async raiseAlerts(manager: EntityManager, plan: BatchPlan): Promise<number> {
    const broken = plan.entries.filter((e) => e.finding !== null);
    if (broken.length === 0) return 0;
    const now = this.clock.now();
    const envelopes = broken.map((e) =>
      chainAlertEnvelope({ ...e.finding!, entryId: e.entryId, index: e.index }, { id: uuidv7(), now, correlationId: e.correlationId }),
    );
    await announce(manager, AUDIT_ALERTS_V1.topic, envelopes);
    return envelopes.length;
  }

  /** Timestamps never go backwards, even if the platform clock is moved back between runs. */
  private async signHead(manager: EntityManager, size: number, rootHash: Uint8Array): Promise<SignedTreeHead> {
    const timestampMs = Math.max(this.clock.now().getTime(), await latestTreeHeadTime(manager));
    const head = signTreeHead(this.key.privateKey, timestampMs, size, rootHash);
    await insertTreeHead(manager, head, rootHash, timestampMs);
    return head;
  }
}
