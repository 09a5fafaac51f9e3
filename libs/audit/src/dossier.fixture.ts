import type { Actor, AuditEntry, SubjectRef } from '@app/contracts';
import { GENESIS_HASH } from './audit-hash';
import { nextAuditEntry } from './chain';
import type { LiabilityDossier } from './dossier';
import { assembleDossier } from './dossier-assemble';
import { dossierScope } from './dossier-scope';
import { toHex } from './hex';
import { auditLeafHash, inclusionProof, rootFromLeafHashes } from './merkle';
import { generateSigningKeyPem, signingKeyFromPem, type Ed25519SigningKey } from './ed25519-pem';
import type { Signer } from './seal';
import { ledgerPublicKey, signTreeHead } from './tree-head';

/** A service's signing key and its registry line, valid from before any test entry. */
export function testSigner(service: string): { key: Ed25519SigningKey; signer: Signer } {
  const pair = generateSigningKeyPem();
  return { key: signingKeyFromPem(pair.privateKeyPem), signer: { service, keyId: pair.keyId, publicKeyPem: pair.publicKeyPem, validFrom: '2026-01-01T00:00:00.000Z' } };
}

/** For specs only: a ledger in memory whose streams chain as the services' runner chains them, and the dossiers it would serve. */
export class TestLedger {
  readonly entries: AuditEntry[] = [];
  readonly key = signingKeyFromPem(generateSigningKeyPem().privateKeyPem);
  readonly publicKey = ledgerPublicKey(this.key);
  /** The ledger's signer registry: one key per service that writes here. */
  readonly signers: Signer[] = [];
  private readonly keys = new Map<string, Ed25519SigningKey>();
  private readonly heads = new Map<string, { hash: string; version: number }>();
  private clock = Date.parse('2026-03-01T08:00:00.000Z');

  /** Records an entry sealed with `sealKey`, or with the service's registered key. */
  record(
    actor: Actor,
    action: string,
    subject: SubjectRef,
    relatedSubjects: SubjectRef[] = [],
    service = 'prescription',
    sealKey?: Ed25519SigningKey,
    evidence: Record<string, unknown> = {},
  ): AuditEntry {
    const head = this.heads.get(subject) ?? { hash: GENESIS_HASH, version: 0 };
    this.clock += 1_000;
    const { entry, hash } = nextAuditEntry(
      {
        id: `00000000-0000-7000-8000-${String(this.entries.length).padStart(12, '0')}`,
        occurredAt: new Date(this.clock).toISOString(),
        actor,
        action,
        subject,
        relatedSubjects,
        decision: action.split('.')[1].toUpperCase(),
        evidence,
        correlationId: `c-${this.entries.length}`,
        service,
        streamVersion: head.version + 1,
      },
      head.hash,
      sealKey ?? this.keyOf(service),
    );
    this.heads.set(subject, { hash, version: head.version + 1 });
    this.entries.push(entry);
    return entry;
  }

  private keyOf(service: string): Ed25519SigningKey {
    if (!this.keys.has(service)) {
      const { key, signer } = testSigner(service);
      this.keys.set(service, key);
      this.signers.push(signer);
    }
    return this.keys.get(service)!;
  }

  /** What the ledger serves: every entry of the covered streams, proven against a head over the whole ledger. */
  dossier(prescriptionId: string): LiabilityDossier {
    const leaves = this.entries.map(auditLeafHash);
    const treeSize = leaves.length;
    const treeHead = signTreeHead(this.key, this.clock + 1_000, treeSize, rootFromLeafHashes(leaves));
    const scope = dossierScope(prescriptionId, this.entries);
    const proven = this.entries
      .map((entry, index) => ({ index, entry, leafHash: toHex(leaves[index]), path: inclusionProof(leaves, index, treeSize).map(toHex) }))
      .filter(({ entry }) => scope.streams.has(entry.subject));
    const { keyId, publicKeyPem } = this.publicKey;
    return JSON.parse(JSON.stringify({ ...assembleDossier({ prescriptionId, treeHead, publicKey: { keyId, publicKeyPem } }, proven, this.key), signers: this.signers }));
  }

  /** A proven entry of this ledger, as a dossier would carry it (for splicing one in). */
  provenEntry(index: number, treeSize = this.entries.length): { index: number; leafHash: string; path: string[] } {
    const leaves = this.entries.map(auditLeafHash);
    return { index, leafHash: toHex(leaves[index]), path: inclusionProof(leaves, index, treeSize).map(toHex) };
  }
}
