import { EMPTY_TREE_ROOT, leafHash, nodeHash, rootPlan, type StoredNode } from '@app/audit';
import { createHash } from 'node:crypto';
import { nodeKey } from './node-key';
import type { MessagePlace } from './quarantine';
import { checkStreamLink, type ChainFinding, type StreamHead } from './stream-link.check';

/** An entry waiting for the writer, as the consumer staged it. */
export interface PendingEntry {
  position: number;
  entryId: string;
  streamId: string;
  /** RFC 8785 text of the entry: the leaf bytes. */
  entryJcs: string;
  /** The chain hash the publisher sent with it. */
  chainHash: string;
  place: MessagePlace;
}

/** A staged entry whose link does not continue its stream's chain: quarantined, never appended. */
export interface RefusedEntry {
  pending: PendingEntry;
  finding: ChainFinding;
  entry: Record<string, unknown>;
}

export interface PlannedEntry {
  index: number;
  entryId: string;
  entryJcs: string;
  subjects: string[];
  streamId: string;
  occurredAt: string;
  finding: ChainFinding | null;
  correlationId: string;
}

export interface BatchInput {
  treeSize: number;
  /** The nodes of rootPlan(treeSize): the only earlier nodes an append ever needs. */
  frontier: ReadonlyMap<string, Uint8Array>;
  pending: readonly PendingEntry[];
  heads: ReadonlyMap<string, StreamHead>;
  /** Entry ids already in the ledger: a redelivered entry is dropped from the pending list, not appended twice. */
  recorded: ReadonlySet<string>;
}

export interface BatchPlan {
  entries: PlannedEntry[];
  refused: RefusedEntry[];
  nodes: StoredNode[];
  heads: Map<string, StreamHead>;
  treeSize: number;
  rootHash: Uint8Array;
}

/**
 * Appends a batch in memory: leaf hashes, every subtree each leaf completes,
 * the per-stream chain checks and the new root. Pure; the writer stores what
 * it returns in one transaction.
 */
export function planBatch({ treeSize, frontier, pending, heads, recorded }: BatchInput): BatchPlan {
  const known = new Map(frontier);
  const newHeads = new Map<string, StreamHead>();
  const seen = new Set(recorded);
  const entries: PlannedEntry[] = [];
  const refused: RefusedEntry[] = [];
  const nodes: StoredNode[] = [];
  let size = treeSize;
  for (const item of pending) {
    if (seen.has(item.entryId)) continue;
    seen.add(item.entryId);
    const bytes = new TextEncoder().encode(item.entryJcs);
    const entry = JSON.parse(item.entryJcs) as Record<string, unknown>;
    const computedHash = createHash('sha256').update(bytes).digest('hex');
    const head = newHeads.get(item.streamId) ?? heads.get(item.streamId);
    const finding = checkStreamLink(
      {
        streamId: item.streamId,
        prevHash: String(entry.prevHash),
        streamVersion: Number(entry.streamVersion),
        claimedHash: item.chainHash,
        computedHash,
      },
      head,
    );
    // The stream stays at its head: the next genuine entry continues from there and is appended at once.
    if (finding) {
      refused.push({ pending: item, finding, entry });
      continue;
    }
    const index = size;
    for (const node of completedNodes(known, index, leafHash(bytes))) {
      known.set(nodeKey(node.level, node.index), node.hash);
      nodes.push(node);
    }
    newHeads.set(item.streamId, { lastHash: computedHash, lastVersion: Number(entry.streamVersion), lastIndex: index });
    entries.push({
      index,
      entryId: item.entryId,
      entryJcs: item.entryJcs,
      subjects: subjectsOf(entry),
      streamId: item.streamId,
      occurredAt: String(entry.occurredAt),
      finding,
      correlationId: String(entry.correlationId ?? ''),
    });
    size += 1;
  }
  return { entries, refused, nodes, heads: newHeads, treeSize: size, rootHash: rootOf(known, size) };
}

/** The leaf node and every perfect subtree it closes (one per trailing 1 bit of its index). */
function completedNodes(known: ReadonlyMap<string, Uint8Array>, leafIndex: number, leaf: Uint8Array): StoredNode[] {
  const nodes: StoredNode[] = [{ level: 0, index: leafIndex, hash: leaf }];
  let hash = leaf;
  let index = leafIndex;
  let level = 0;
  while (index % 2 === 1) {
    const left = known.get(nodeKey(level, index - 1));
    if (!left) throw new Error(`node (${level}, ${index - 1}) is missing from the frontier`);
    hash = nodeHash(left, hash);
    index = (index - 1) / 2;
    level += 1;
    nodes.push({ level, index, hash });
  }
  return nodes;
}

export function rootOf(known: ReadonlyMap<string, Uint8Array>, treeSize: number): Uint8Array {
  const hashes = rootPlan(treeSize).map(({ level, index }) => {
    const hash = known.get(nodeKey(level, index));
    if (!hash) throw new Error(`node (${level}, ${index}) is missing`);
    return hash;
  });
  if (hashes.length === 0) return EMPTY_TREE_ROOT;
  let acc = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i -= 1) acc = nodeHash(hashes[i], acc);
  return acc;
}

/** `subject` and `relatedSubjects`: what `?subject=` and the dossier search. */
export function subjectsOf(entry: Record<string, unknown>): string[] {
  const related = Array.isArray(entry.relatedSubjects) ? entry.relatedSubjects : [];
  return [...new Set([entry.subject, ...related].filter(isSubjectRef))];
}

// Refs travel space-separated to the insert, and a blank one would match nothing.
function isSubjectRef(value: unknown): value is string {
  return typeof value === 'string' && /^\S+$/.test(value);
}
