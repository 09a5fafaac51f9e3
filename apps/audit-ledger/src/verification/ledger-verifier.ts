import { equalBytes, nodeHash, rootPlan, toHex, verifyTreeHead } from '@app/audit';
import { rootOf } from '../domain/ledger-batch.plan';
import { nodeKey } from '../domain/node-key';
import type { Queryable } from '../store/queryable';
import { latestTreeHead } from '../store/tree-head.store';
import type { ArrayQuery } from './array-query';
import { MAX_MISMATCHES, type LedgerBreak, type LedgerVerification } from './ledger-verification';

/** 2^14 leaves per chunk: bounded memory, and every chunk boundary is a stored subtree boundary. */
const CHUNK_LEVEL = 14;
/** Chunks read ahead: Postgres scans and hashes the next ones while this process rebuilds the current one. */
const READ_AHEAD = 2;
const ABSENT = new Uint8Array(32);

// The rehash of the stored bytes runs in Postgres, beside the scan, and a chunk's leaf hashes come back
// as ONE concatenated value: rows are what costs most on this side. convert_to(.., 'UTF8') gives exactly
// the leaf bytes (the database is UTF-8).
const LEAF_HASH = `sha256('\\x00'::bytea || convert_to(entry_jcs, 'UTF8'))`;
const READ_CHUNK_LEAVES = `
SELECT count(*)::int, coalesce(min(index), -1)::bigint, string_agg(${LEAF_HASH}, ''::bytea ORDER BY index)
  FROM ledger_entries WHERE index >= $1 AND index < $2`;
/** Row by row, only for a chunk where an entry is missing, to name it. */
const READ_LEAVES = `SELECT index, ${LEAF_HASH} FROM ledger_entries WHERE index >= $1 AND index < $2`;
const READ_ENTRY_IDS = `SELECT index, entry_id FROM ledger_entries WHERE index = ANY($1::bigint[])`;

/** One primary-key range per level (a bitmap of index ranges, never a scan of the whole table). */
const chunkNodesWhere = (levels: number): string =>
  Array.from({ length: levels + 1 }, (_, l) => `(level = ${l} AND index >= ($1::bigint >> ${l}) AND index < ($2::bigint >> ${l}))`).join(' OR ');
const readChunkNodes = (levels: number): string =>
  `SELECT level, count(*)::int, min(index), string_agg(hash, ''::bytea ORDER BY index) FROM ledger_nodes WHERE ${chunkNodesWhere(levels)} GROUP BY level`;
const readChunkNodeRows = (levels: number): string => `SELECT level, index, hash FROM ledger_nodes WHERE ${chunkNodesWhere(levels)}`;
const READ_LEVEL = `SELECT level, index, hash FROM ledger_nodes WHERE level = $1`;

type Report = (found: LedgerBreak) => void;

/**
 * Rehashes every stored entry (its exact RFC 8785 bytes, as RFC 9162 leaves),
 * rebuilds every complete subtree and compares each with the stored node, then
 * compares the rebuilt root with the latest signed tree head and checks its
 * signature. If the entries no longer give the signed root, the first entry
 * whose hash differs from its stored leaf is named; if they do, any stored
 * node that differs is named (proofs would be served from it).
 */
export async function verifyLedger(db: Queryable, rows: ArrayQuery, publicKeyPem: string, chunkLevel = CHUNK_LEVEL): Promise<LedgerVerification> {
  const head = await latestTreeHead(db);
  const size = head?.treeSize ?? 0;
  const mismatches: LedgerBreak[] = [];
  const report: Report = (found) => void (mismatches.length < MAX_MISMATCHES && mismatches.push(found));
  const wanted = new Set(rootPlan(size).map((r) => nodeKey(r.level, r.index)));
  const kept = new Map<string, Uint8Array>();
  const keep = (level: number, first: number, hashes: Uint8Array[]) =>
    hashes.forEach((hash, i) => wanted.has(nodeKey(level, first + i)) && kept.set(nodeKey(level, first + i), hash));
  const chunk = 2 ** chunkLevel;
  const nodesSql = readChunkNodes(chunkLevel);
  const fetch = (start: number) => {
    const end = Math.min(start + chunk, size);
    return Promise.all([rows(READ_CHUNK_LEAVES, [start, end]), rows(nodesSql, [start, end])]);
  };
  const ahead: Array<ReturnType<typeof fetch>> = [];
  for (let start = 0; start < size && ahead.length < READ_AHEAD; start += chunk) ahead.push(fetch(start));
  const chunkRoots: Uint8Array[] = [];
  for (let start = 0; start < size; start += chunk) {
    const [leafRows, nodeRows] = await ahead.shift()!;
    if (start + READ_AHEAD * chunk < size) ahead.push(fetch(start + READ_AHEAD * chunk));
    const end = Math.min(start + chunk, size);
    const leaves = sliceLeaves(leafRows, start, end) ?? placeLeaves(await rows(READ_LEAVES, [start, end]), start, end, report);
    const storedByLevel =
      sliceNodes(nodeRows, start, end, chunkLevel) ?? placeNodes(await rows(readChunkNodeRows(chunkLevel), [start, end]), start, chunkLevel);
    let current = leaves;
    for (let level = 0; ; level += 1) {
      const first = start / 2 ** level;
      compareLevel(level, first, current, storedByLevel[level], report);
      keep(level, first, current);
      if (level === chunkLevel || current.length < 2) break;
      current = pairUp(current);
    }
    if (end - start === chunk) chunkRoots.push(current[0]);
  }
  let current = chunkRoots;
  for (let level = chunkLevel + 1; current.length >= 2; level += 1) {
    current = pairUp(current);
    compareLevel(level, 0, current, placeNodes(await rows(READ_LEVEL, [level]), 0, level)[level], report);
    keep(level, 0, current);
  }
  await nameEntries(rows, mismatches);
  const rebuiltRoot = toHex(rootOf(kept, size));
  const signatureValid = head !== null && verifyTreeHead(publicKeyPem, head);
  const rootMatches = head !== null && rebuiltRoot === head.rootHash;
  const firstBreak = rootMatches
    ? (mismatches.find((m) => m.kind === 'node') ?? mismatches[0] ?? null)
    : (mismatches.find((m) => m.kind === 'entry') ?? mismatches[0] ?? rootBreak(size));
  if (!signatureValid && !firstBreak) report({ kind: 'tree-head', treeSize: size, message: `tree head ${size}: the signature does not verify` });
  const ok = rootMatches && signatureValid && mismatches.length === 0;
  return { ok, treeSize: size, rebuiltRoot, signedRoot: head?.rootHash ?? null, signatureValid, firstBreak: firstBreak ?? mismatches[0] ?? null, mismatches };
}

/** The chunk's leaves from its one concatenated value; null when entries are missing (then read row by row). */
function sliceLeaves(rows: unknown[][], start: number, end: number): Uint8Array[] | null {
  const [count, first, joined] = rows[0] as [number, string, Uint8Array | null];
  if (count !== end - start || Number(first) !== start || !joined || joined.length !== count * 32) return null;
  return Array.from({ length: count }, (_, i) => joined.subarray(i * 32, i * 32 + 32));
}

/** Leaves by index; a missing entry is named and stands in as zeros, so the rebuild goes on (and fails the root). */
function placeLeaves(rows: unknown[][], start: number, end: number, report: Report): Uint8Array[] {
  const leaves = new Array<Uint8Array>(end - start);
  for (const [index, leaf] of rows as Array<[string, Uint8Array]>) leaves[Number(index) - start] = leaf;
  for (let i = 0; i < leaves.length; i += 1) {
    if (leaves[i]) continue;
    report({ kind: 'entry', index: start + i, entryId: '', message: `entry ${start + i} is missing` });
    leaves[i] = ABSENT;
  }
  return leaves;
}

/** Every level's stored nodes from one concatenated value each; null when any is missing (then read row by row). */
function sliceNodes(rows: unknown[][], start: number, end: number, levels: number): Uint8Array[][] | null {
  const byLevel: Uint8Array[][] = Array.from({ length: levels + 1 }, () => []);
  let seen = 0;
  for (const [level, count, first, joined] of rows as Array<[number, number, string, Uint8Array]>) {
    const expected = Math.floor(end / 2 ** level) - start / 2 ** level;
    if (count !== expected || Number(first) !== start / 2 ** level || joined.length !== count * 32) return null;
    byLevel[level] = Array.from({ length: count }, (_, i) => joined.subarray(i * 32, i * 32 + 32));
    seen += 1;
  }
  const levelsWithNodes = byLevel.filter((_, level) => Math.floor(end / 2 ** level) > start / 2 ** level).length;
  return seen === levelsWithNodes ? byLevel : null;
}

/** Stored hashes per level, placed at (index - first index of the chunk at that level). */
function placeNodes(rows: unknown[][], start: number, levels: number): Array<Array<Uint8Array | undefined>> {
  const byLevel: Array<Array<Uint8Array | undefined>> = Array.from({ length: levels + 1 }, () => []);
  for (const [level, index, hash] of rows as Array<[number, string, Uint8Array]>) {
    byLevel[level][Number(index) - start / 2 ** level] = hash;
  }
  return byLevel;
}

function compareLevel(level: number, first: number, rebuilt: Uint8Array[], stored: Array<Uint8Array | undefined>, report: Report): void {
  for (let i = 0; i < rebuilt.length; i += 1) {
    const index = first + i;
    const have = stored[i];
    if (!have) {
      report({ kind: 'node', level, index, message: `node (level ${level}, index ${index}) is missing` });
      continue;
    }
    if (equalBytes(have, rebuilt[i])) continue;
    if (level === 0) {
      report({ kind: 'entry', index, entryId: '', message: `entry ${index} does not hash to its stored leaf hash` });
    }
    report({ kind: 'node', level, index, message: `node (level ${level}, index ${index}) differs from the hash rebuilt from the entries` });
  }
}

/** Fills in the ids of the entries found broken (read only for those). */
async function nameEntries(rows: ArrayQuery, mismatches: LedgerBreak[]): Promise<void> {
  const broken = mismatches.filter((m): m is Extract<LedgerBreak, { kind: 'entry' }> => m.kind === 'entry');
  if (broken.length === 0) return;
  const ids = new Map((await rows(READ_ENTRY_IDS, [broken.map((m) => m.index)])).map(([index, id]) => [Number(index), String(id)]));
  for (const m of broken) {
    m.entryId = ids.get(m.index) ?? '';
    if (m.entryId) m.message = m.message.replace(`entry ${m.index}`, `entry ${m.index} (id ${m.entryId})`);
  }
}

function pairUp(hashes: Uint8Array[]): Uint8Array[] {
  const up: Uint8Array[] = [];
  for (let i = 0; i + 1 < hashes.length; i += 2) up.push(nodeHash(hashes[i], hashes[i + 1]));
  return up;
}

const rootBreak = (size: number): LedgerBreak => ({ kind: 'tree-head', treeSize: size, message: `the entries do not rebuild the signed root of tree head ${size}` });
