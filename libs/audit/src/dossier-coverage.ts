import { ed25519Sign, ed25519Verify } from './ed25519';
import canonicalize from 'canonicalize';
import type { CoveredStream, DossierCoverage, DossierStream, LiabilityDossier } from './dossier';
import { publicKeyFromPem, type Ed25519SigningKey } from './ed25519-pem';
import { fromHex, toHex } from './hex';

// A distinct prefix, and never 48 bytes long: a coverage signature can never pass for a tree head's.
const DOMAIN = 'connected-health/liability-dossier-coverage/v1\n';

export function coveredStreams(streams: readonly DossierStream[]): CoveredStream[] {
  return streams.map(({ subject, entries, headHash }) => {
    const head = entries[entries.length - 1];
    return { subject, entries: entries.length, headIndex: head.index, headEntryId: head.entry.id, headHash };
  });
}

/** What the ledger signs: the prescription, the tree head it is proven against, and every covered stream's head. */
export function coverageBytes(dossier: Pick<LiabilityDossier, 'prescriptionId' | 'treeHead'>, streams: readonly CoveredStream[]): Uint8Array {
  const { prescriptionId, treeHead } = dossier;
  const statement = canonicalize({ prescriptionId, treeSize: treeHead.treeSize, rootHash: treeHead.rootHash, streams });
  if (statement === undefined) throw new TypeError('coverage cannot be canonicalised');
  return new TextEncoder().encode(DOMAIN + statement);
}

/** Signs the coverage of a dossier's streams with the ledger's tree head key. */
export function signCoverage(dossier: Pick<LiabilityDossier, 'prescriptionId' | 'treeHead' | 'streams'>, ledgerKey: Ed25519SigningKey): DossierCoverage {
  const streams = coveredStreams(dossier.streams);
  return { streams, signature: toHex(ed25519Sign(coverageBytes(dossier, streams), ledgerKey.secretKey)) };
}

/** True only when the signature over the statement verifies under the trusted key. Never throws. */
export function verifyCoverageSignature(publicKeyPem: string, dossier: Pick<LiabilityDossier, 'prescriptionId' | 'treeHead'>, coverage: unknown): boolean {
  try {
    const { streams, signature } = coverage as DossierCoverage;
    if (!Array.isArray(streams) || typeof signature !== 'string') return false;
    return ed25519Verify(fromHex(signature), coverageBytes(dossier, streams), publicKeyFromPem(publicKeyPem));
  } catch {
    return false;
  }
}
