import { canonicalJson, equalBytes, generateSigningKey, GENESIS_HASH, leafHash, nextAuditEntry, rootFromLeafHashes, rootPlan, type ChainedAuditEntry } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import { planBatch, type PendingEntry } from './ledger-batch.plan';
import { nodeKey } from './node-key';
import type { StreamHead } from './stream-link.check';

const signingKey = generateSigningKey();

const chain = (streamId: string, n: number): ChainedAuditEntry[] => {
  const out: ChainedAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let v = 1; v <= n; v += 1) {
    const sealed = nextAuditEntry(
      {
        id: `0190c0de-0000-7000-8000-${String(out.length).padStart(6, '0')}${streamId.padStart(6, '0')}`,
        occurredAt: '2026-01-01T00:00:00.000Z',
        actor: { id: 'u', role: 'operator' },
        action: 'enrolment.activated',
        subject: `enrolment:${streamId}`,
        relatedSubjects: [`prescription:p-${streamId}`],
        decision: 'ACTIVE',
        evidence: { v },
        correlationId: 'c',
        service: 'enrolment',
        streamVersion: v,
      } as Omit<AuditEntry, 'prevHash' | 'seal'>,
      prev,
      signingKey,
    );
    prev = sealed.hash;
    out.push(sealed);
  }
  return out;
};

const pending = (streamId: string, sealed: ChainedAuditEntry[], from = 0): PendingEntry[] =>
  sealed.map((s, i) => ({ position: from + i, entryId: s.entry.id, streamId, entryJcs: canonicalJson(s.entry), chainHash: s.hash, place: { topic: 't', partition: 0, offset: String(from + i) } }));

describe('planBatch', () => {
  it('gives the RFC 9162 root of all leaves across batches of any size, from the frontier alone', () => {
    const all = pending('1', chain('1', 37));
    const leaves = all.map((p) => leafHash(Buffer.from(p.entryJcs)));
    const stored = new Map<string, Uint8Array>();
    let size = 0;
    let heads = new Map<string, StreamHead>();
    for (const cut of [1, 2, 3, 8, 9, 20, 37]) {
      const frontier = new Map(rootPlan(size).map((r) => [nodeKey(r.level, r.index), stored.get(nodeKey(r.level, r.index))!]));
      const plan = planBatch({ treeSize: size, frontier, pending: all.slice(size, cut), heads, recorded: new Set() });
      plan.nodes.forEach((n) => stored.set(nodeKey(n.level, n.index), n.hash));
      heads = new Map([...heads, ...plan.heads]);
      size = plan.treeSize;
      expect(size).toBe(cut);
      expect(equalBytes(plan.rootHash, rootFromLeafHashes(leaves, cut))).toBe(true);
      expect(plan.entries.every((e) => e.finding === null)).toBe(true);
    }
    expect(stored.size).toBe(37 + 18 + 9 + 4 + 2 + 1);
  });

  it('skips an entry already recorded or repeated in the batch', () => {
    const items = pending('2', chain('2', 3));
    const heads = new Map([['2', { lastHash: items[0].chainHash, lastVersion: 1, lastIndex: 0 }]]);
    const plan = planBatch({ treeSize: 0, frontier: new Map(), pending: [...items, items[1]], heads, recorded: new Set([items[0].entryId]) });
    expect(plan.refused).toEqual([]);
    expect(plan.entries.map((e) => e.entryId)).toEqual([items[1].entryId, items[2].entryId]);
  });

  it('refuses a broken link instead of appending it, and appends the next entry that continues the chain', () => {
    const sealed = chain('3', 4);
    // sealed[1] is missing: sealed[2] does not continue the chain; sealed[1] arriving late, then sealed[2] again, do.
    const items = pending('3', [sealed[0], sealed[2], sealed[1], sealed[3]]);
    const plan = planBatch({ treeSize: 0, frontier: new Map(), pending: items, heads: new Map(), recorded: new Set() });
    expect(plan.entries.map((e) => e.entryId)).toEqual([sealed[0].entry.id, sealed[1].entry.id]);
    expect(plan.refused.map((r) => [r.pending.entryId, r.finding.reason])).toEqual([
      [sealed[2].entry.id, 'PREV_HASH_MISMATCH'],
      [sealed[3].entry.id, 'PREV_HASH_MISMATCH'],
    ]);
    expect(plan.refused[0].finding).toMatchObject({ expectedPrevHash: sealed[0].hash, actualPrevHash: sealed[1].hash, previousIndex: 0 });
    expect(plan.heads.get('3')).toEqual({ lastHash: sealed[1].hash, lastVersion: 2, lastIndex: 1 });
    expect(plan.treeSize).toBe(2);
  });

  it('refuses a hash that is not the entry’s, and a version that goes back', () => {
    const sealed = chain('4', 2);
    const forged = pending('4', sealed).map((p, i) => (i === 1 ? { ...p, chainHash: 'ab'.repeat(32) } : p));
    const hashPlan = planBatch({ treeSize: 0, frontier: new Map(), pending: forged, heads: new Map(), recorded: new Set() });
    expect(hashPlan.refused.map((r) => r.finding.reason)).toEqual(['HASH_MISMATCH']);
    expect(hashPlan.entries).toHaveLength(1);
    const head = { lastHash: GENESIS_HASH, lastVersion: 9, lastIndex: 0 };
    const plan = planBatch({ treeSize: 0, frontier: new Map(), pending: pending('4', sealed).slice(0, 1), heads: new Map([['4', head]]), recorded: new Set() });
    expect(plan.refused[0].finding.reason).toBe('STREAM_VERSION_REGRESSION');
    expect(plan.entries).toEqual([]);
  });

  it('indexes subjects and related subjects', () => {
    const plan = planBatch({ treeSize: 0, frontier: new Map(), pending: pending('5', chain('5', 1)), heads: new Map(), recorded: new Set() });
    expect(plan.entries[0].subjects).toEqual(['enrolment:5', 'prescription:p-5']);
  });
});
