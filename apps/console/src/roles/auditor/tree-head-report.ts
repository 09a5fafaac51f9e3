import { keyIdOf, verifyTreeHead, type LedgerPublicKey, type SignedTreeHead } from '@app/audit/tree-head';

/** What the browser found about a signed tree head, check by check. */
export interface TreeHeadReport {
  /** The served key really is the key its keyId names (SHA-256 of its SPKI DER, computed here). */
  keyIdMatchesKey: boolean;
  /** The head names that key. */
  headNamesKey: boolean;
  /** Ed25519 over timestamp || treeSize || rootHash verifies under the key. */
  signatureValid: boolean;
  verified: boolean;
}

/**
 * A tree head checked against the ledger's public key with libs/audit (the
 * code `verify-dossier` runs). The server's word counts for nothing: the key
 * id is recomputed from the PEM, the signature is verified over the 48 bytes.
 */
export function treeHeadReport(head: SignedTreeHead, key: LedgerPublicKey): TreeHeadReport {
  const keyIdMatchesKey = safeKeyId(key.publicKeyPem) === key.keyId;
  const headNamesKey = head.keyId === key.keyId;
  const signatureValid = keyIdMatchesKey && verifyTreeHead(key.publicKeyPem, head);
  return { keyIdMatchesKey, headNamesKey, signatureValid, verified: keyIdMatchesKey && headNamesKey && signatureValid };
}

function safeKeyId(pem: string): string | null {
  try {
    return keyIdOf(pem);
  } catch {
    return null;
  }
}
