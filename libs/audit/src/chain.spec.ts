import type { AuditEntry } from '@app/contracts';
import { GENESIS_HASH, hashAuditEntry } from './audit-hash';
import { nextAuditEntry, verifyChain, type ChainedAuditEntry } from './chain';
import { generateSigningKeyPem, signingKeyFromPem } from './ed25519-pem';
import { checkEntrySeal } from './seal';

const STREAM = '0193a1b2-0000-7000-8000-000000000001';
const pair = generateSigningKeyPem();
const key = signingKeyFromPem(pair.privateKeyPem);
const signer = { service: 'prescription', keyId: pair.keyId, publicKeyPem: pair.publicKeyPem, validFrom: '2025-01-01T00:00:00.000Z' };

function draft(n: number): Omit<AuditEntry, 'prevHash' | 'seal'> {
  return {
    id: `0193a1b2-0000-7000-8000-00000000010${n}`,
    occurredAt: `2025-11-28T09:00:0${n}.000Z`,
    actor: { id: 'physician-1', role: 'physician' } as AuditEntry['actor'],
    action: `step-${n}`,
    subject: `prescription:${STREAM}`,
    relatedSubjects: [`device:0193a1b2-0000-7000-8000-00000000000${n}`],
    decision: 'ALLOW',
    evidence: { rule: 'HAS-1', values: [n, n + 1] },
    rulesVersion: '2025.11',
    correlationId: `0193a1b2-0000-7000-8000-00000000020${n}`,
    service: 'prescription',
    streamVersion: n,
  };
}

function chainOf(length: number): ChainedAuditEntry[] {
  const chain: ChainedAuditEntry[] = [];
  for (let n = 1; n <= length; n += 1) chain.push(nextAuditEntry(draft(n), chain.at(-1)?.hash ?? GENESIS_HASH, key));
  return chain;
}

/** Every leaf of an entry, as a path and a different value to put there. */
function alterations(value: unknown, path: string[] = []): Array<{ path: string[]; changed: unknown }> {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => alterations(child, [...path, key]));
  }
  const changed = typeof value === 'number' ? value + 1 : typeof value === 'string' ? `${value}x` : !value;
  return [{ path, changed }];
}

function withChange(entry: AuditEntry, path: string[], changed: unknown): AuditEntry {
  const copy = structuredClone(entry) as unknown as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = changed;
  return copy as unknown as AuditEntry;
}

describe('per-stream audit chain', () => {
  it('links entries from the genesis hash and verifies', () => {
    const chain = chainOf(4);
    expect(chain[0].entry.prevHash).toBe(GENESIS_HASH);
    expect(chain[2].entry.prevHash).toBe(chain[1].hash);
    expect(chain[3].hash).toBe(hashAuditEntry(chain[3].entry));
    expect(verifyChain(chain)).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('names the changed entry, whatever field of whichever entry changes', () => {
    const chain = chainOf(4);
    for (const [index, { entry }] of chain.entries()) {
      const paths = alterations(entry);
      expect(paths.length).toBeGreaterThan(12);
      for (const { path, changed } of paths) {
        const tampered = chain.map((link, i) => (i === index ? { ...link, entry: withChange(entry, path, changed) } : link));
        const result = verifyChain(tampered);
        expect({ path, result }).toEqual({ path, result: { ok: false, brokenAt: { index, entryId: tampered[index].entry.id, reason: 'HASH_MISMATCH' } } });
      }
    }
  });

  it('names an entry whose stored hash was changed', () => {
    const chain = chainOf(3);
    chain[1] = { ...chain[1], hash: 'f'.repeat(64) };
    expect(verifyChain(chain)).toEqual({ ok: false, brokenAt: { index: 1, entryId: chain[1].entry.id, reason: 'HASH_MISMATCH' } });
  });

  it('names the entry after a removed one, and a first entry that does not start from the genesis', () => {
    const chain = chainOf(4);
    const removed = [chain[0], chain[1], chain[3]];
    expect(verifyChain(removed)).toEqual({ ok: false, brokenAt: { index: 2, entryId: chain[3].entry.id, reason: 'PREV_HASH_MISMATCH' } });
    expect(verifyChain(chain.slice(1))).toEqual({ ok: false, brokenAt: { index: 0, entryId: chain[1].entry.id, reason: 'PREV_HASH_MISMATCH' } });
  });

  it('verifies a suffix from a trusted checkpoint hash', () => {
    const chain = chainOf(4);
    expect(verifyChain(chain.slice(2), chain[1].hash)).toEqual({ ok: true });
  });

  it('names an entry whose stream version goes backwards, even if correctly rehashed', () => {
    const first = nextAuditEntry(draft(3), GENESIS_HASH, key);
    const second = nextAuditEntry(draft(2), first.hash, key);
    expect(verifyChain([first, second])).toEqual({ ok: false, brokenAt: { index: 1, entryId: second.entry.id, reason: 'STREAM_VERSION_REGRESSION' } });
    // An audit-only step (a refused attempt) keeps the version.
    const same = nextAuditEntry({ ...draft(4), streamVersion: 3 }, first.hash, key);
    expect(verifyChain([first, same])).toEqual({ ok: true });
  });

  it('names a malformed entry instead of throwing', () => {
    const chain = chainOf(2);
    const broken = [chain[0], { entry: null as unknown as AuditEntry, hash: chain[1].hash }];
    expect(verifyChain(broken)).toEqual({ ok: false, brokenAt: { index: 1, entryId: '', reason: 'MALFORMED_ENTRY' } });
  });

  it('builds entries exactly as they come back from JSON storage', () => {
    const { entry, hash } = nextAuditEntry({ ...draft(1), rulesVersion: undefined }, GENESIS_HASH, key);
    const stored = JSON.parse(JSON.stringify(entry)) as AuditEntry;
    expect('rulesVersion' in entry).toBe(false);
    expect(hashAuditEntry(stored)).toBe(hash);
    expect(checkEntrySeal(stored, [signer]).ok).toBe(true);
  });

  it('seals each entry and chains it with its seal: the next prevHash covers the seal', () => {
    const chain = chainOf(2);
    expect(checkEntrySeal(chain[0].entry, [signer]).ok).toBe(true);
    const { seal: _seal, ...unsealed } = chain[0].entry;
    expect(chain[1].entry.prevHash).toBe(hashAuditEntry(chain[0].entry));
    expect(chain[1].entry.prevHash).not.toBe(hashAuditEntry(unsealed as AuditEntry));
  });
});
