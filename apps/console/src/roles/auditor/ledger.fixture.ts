import { canonicalBytes } from '@app/audit/audit-hash';
import { generateSigningKey, type Ed25519SigningKey } from '@app/audit/ed25519-pem';
import { toHex } from '@app/audit/hex';
import { consistencyProof, inclusionProof, leafHash, rootFromLeafHashes } from '@app/audit/merkle';
import { sealEntry, type Signer } from '@app/audit/seal';
import { ledgerPublicKey, signTreeHead, type LedgerPublicKey, type SignedTreeHead } from '@app/audit/tree-head';
import { publicKeyToPem } from '@app/audit/ed25519-pem';
import type { ConsistencyProofView, InclusionProofView, LedgerEntry, LedgerEntryView } from './ledger-api';

/**
 * A small ledger built in memory with libs/audit, as the audit-ledger
 * service builds its own: sealed entries, their tree, signed heads and the
 * proofs the API would serve. The unit specs check the reports against it.
 */
export interface LedgerFixture {
  key: LedgerPublicKey;
  signers: Signer[];
  serviceKey: Ed25519SigningKey;
  views: LedgerEntryView[];
  head(size: number): SignedTreeHead;
  inclusion(index: number, treeSize: number): InclusionProofView;
  consistency(from: number, to: number): ConsistencyProofView;
}

const SERVICE = 'device-certification';
const T0 = Date.UTC(2026, 2, 4, 9, 0);

export function unsealedEntry(i: number): Omit<LedgerEntry, 'seal'> {
  return {
    id: `0190c0de-0000-7000-8000-${String(i).padStart(12, '0')}`,
    occurredAt: new Date(T0 + i * 60_000).toISOString(),
    actor: { id: 'vendor-1', role: 'vendor' },
    action: 'device.registered',
    subject: 'device:0190c0de-0000-7000-8000-00000000d001',
    relatedSubjects: [],
    decision: 'REGISTERED',
    evidence: { step: i },
    correlationId: `0190c0de-0000-7000-8000-${String(1000 + i).padStart(12, '0')}`,
    service: SERVICE,
    streamVersion: i + 1,
    prevHash: '0'.repeat(64),
  };
}

export function ledgerFixture(size = 7): LedgerFixture {
  const ledgerKey = generateSigningKey();
  const serviceKey = generateSigningKey();
  const signers: Signer[] = [{ service: SERVICE, keyId: serviceKey.keyId, publicKeyPem: publicKeyToPem(serviceKey.publicKey), validFrom: '2020-01-01T00:00:00.000Z' }];
  const entries = Array.from({ length: size }, (_, i) => sealEntry(unsealedEntry(i) as never, serviceKey) as unknown as LedgerEntry);
  const leaves = entries.map((entry) => leafHash(canonicalBytes(entry)));
  const views = entries.map((entry, index) => ({ index, entry, leafHash: toHex(leaves[index]) }));
  return {
    key: ledgerPublicKey(ledgerKey),
    signers,
    serviceKey,
    views,
    head: (n) => signTreeHead(ledgerKey, T0 + n * 1_000, n, rootFromLeafHashes(leaves, n)),
    inclusion: (index, treeSize) => ({ leafIndex: index, treeSize, leafHash: toHex(leaves[index]), path: inclusionProof(leaves, index, treeSize).map(toHex) }),
    consistency: (from, to) => ({ from, to, path: consistencyProof(leaves, from, to).map(toHex) }),
  };
}

/** The hex hash with its first byte changed: a tampered proof or root. */
export const flipped = (hex: string): string => `${hex.startsWith('00') ? 'ff' : '00'}${hex.slice(2)}`;
