import { EMPTY_TREE_ROOT, rootPlan, signTreeHead, type SignedTreeHead } from '@app/audit';
import { TOPICS } from '@app/contracts';
import type { Clock } from '@app/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { chainAlertEnvelope } from '../domain/chain-alert';
import { planBatch, type BatchPlan, type PendingEntry } from '../domain/ledger-batch.plan';
import type { StreamHead } from '../domain/stream-link.check';
import type { LedgerSigningKey } from '../signing/ledger-signing-key';
import { readNodes } from '../store/node.store';
import * as sql from './ledger-append.sql';

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
      const [{ locked }] = await manager.query(sql.TRY_WRITER_LOCK);
      if (!locked) return idle;
      const pending = (await manager.query(sql.READ_PENDING, [this.batchSize])).map(toPending);
      if (pending.length === 0) return idle;
      const plan = await this.plan(manager, pending);
      await this.store(manager, plan);
      await manager.query(sql.DELETE_PENDING, [pending.map((p: PendingEntry) => p.position)]);
      const alerts = await this.raiseAlerts(manager, plan);
      const treeHead = plan.entries.length > 0 ? await this.signHead(manager, plan.treeSize, plan.rootHash) : null;
      return { appended: plan.entries.length, taken: pending.length, alerts, treeHead };
    });
  }

  /** The empty tree's head, so a fresh ledger already serves a signed head. */
  async signInitialHead(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(sql.TRY_WRITER_LOCK);
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM tree_heads`);
      if (locked && n === 0) await this.signHead(manager, 0, EMPTY_TREE_ROOT);
    });
  }

  private async plan(manager: EntityManager, pending: PendingEntry[]): Promise<BatchPlan> {
    const treeSize = Number((await manager.query(sql.TREE_SIZE))[0].size);
    const frontier = await readNodes(manager, rootPlan(treeSize));
    const recordedRows: Array<{ entry_id: string }> = await manager.query(sql.READ_RECORDED, [pending.map((p) => p.entryId)]);
    const streamIds = [...new Set(pending.map((p) => p.streamId))];
    const headRows: Array<{ stream_id: string; last_hash: string; last_version: number; last_index: string }> =
      await manager.query(sql.READ_STREAM_HEADS, [streamIds]);
    const heads = new Map<string, StreamHead>(
      headRows.map((r) => [r.stream_id, { lastHash: r.last_hash, lastVersion: r.last_version, lastIndex: Number(r.last_index) }]),
    );
    return planBatch({ treeSize, frontier, pending, heads, recorded: new Set(recordedRows.map((r) => r.entry_id)) });
  }

  private async store(manager: EntityManager, { entries, nodes, heads }: BatchPlan): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(sql.INSERT_ENTRIES, [
      entries.map((e) => e.index),
      entries.map((e) => e.entryId),
      entries.map((e) => e.entryJcs),
      entries.map((e) => e.subjects.join(' ')),
      entries.map((e) => e.streamId),
      entries.map((e) => e.occurredAt),
      entries.map((e) => (e.finding ? JSON.stringify(e.finding) : null)),
      this.clock.now(),
    ]);
    await manager.query(sql.INSERT_NODES, [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash)]);
    const streams = [...heads.entries()];
    await manager.query(sql.UPSERT_STREAM_HEADS, [
      streams.map(([id]) => id),
      streams.map(([, h]) => h.lastHash),
      streams.map(([, h]) => h.lastVersion),
      streams.map(([, h]) => h.lastIndex),
    ]);
  }

  private async raiseAlerts(manager: EntityManager, plan: BatchPlan): Promise<number> {
    const broken = plan.entries.filter((e) => e.finding !== null);
    if (broken.length === 0) return 0;
    const now = this.clock.now();
    const envelopes = broken.map((e) =>
      chainAlertEnvelope({ ...e.finding!, entryId: e.entryId, index: e.index }, { id: uuidv7(), now, correlationId: e.correlationId }),
    );
    await manager.query(sql.INSERT_OUTBOX, [
      envelopes.map(() => TOPICS.auditAlerts),
      envelopes.map((env) => env.streamId),
      envelopes.map((env) => JSON.stringify(env)),
    ]);
    return envelopes.length;
  }

  /** Timestamps never go backwards, even if the platform clock is moved back between runs. */
  private async signHead(manager: EntityManager, treeSize: number, rootHash: Buffer): Promise<SignedTreeHead> {
    const latest = Number((await manager.query(sql.LATEST_TREE_HEAD_TIME))[0].ms ?? 0);
    const timestampMs = Math.max(this.clock.now().getTime(), latest);
    const head = signTreeHead(this.key.privateKey, timestampMs, treeSize, rootHash);
    await manager.query(sql.INSERT_TREE_HEAD, [treeSize, rootHash, timestampMs, Buffer.from(head.signature, 'hex'), head.keyId]);
    return head;
  }
}

const toPending = (row: { position: string; entry_id: string; stream_id: string; entry_jcs: string; chain_hash: string }): PendingEntry => ({
  position: Number(row.position),
  entryId: row.entry_id,
  streamId: row.stream_id,
  entryJcs: row.entry_jcs,
  chainHash: row.chain_hash,
});
