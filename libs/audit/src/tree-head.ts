import { ed25519Sign, ed25519Verify } from './ed25519';
import { keyIdOfPublicKey, publicKeyFromPem, publicKeyToPem, type Ed25519SigningKey } from './ed25519-pem';
import { fromHex, toHex } from './hex';

/** A signed tree head exactly as `GET /v1/ledger/tree-head` serves it (API.md "Audit ledger"). */
export interface SignedTreeHead {
  treeSize: number;
  /** 32 bytes, lowercase hex. */
  rootHash: string;
  /** UTC ISO 8601 with milliseconds; the signature covers its epoch milliseconds. */
  timestamp: string;
  /** Ed25519 over treeHeadSigningBytes, lowercase hex. */
  signature: string;
  keyId: string;
}

export interface LedgerPublicKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
}

/** timestamp ms (uint64 BE) || treeSize (uint64 BE) || rootHash (32 bytes): 48 bytes. */
export function treeHeadSigningBytes(timestampMs: number, treeSize: number, rootHash: Uint8Array): Uint8Array {
  for (const [name, n] of [['timestampMs', timestampMs], ['treeSize', treeSize]] as const) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== 32) throw new RangeError('rootHash must be 32 bytes');
  const bytes = new Uint8Array(48);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(timestampMs));
  view.setBigUint64(8, BigInt(treeSize));
  bytes.set(rootHash, 16);
  return bytes;
}

/** SHA-256 of the SPKI DER of an Ed25519 public key PEM, lowercase hex; throws on another key. */
export function keyIdOf(publicKeyPem: string): string {
  return keyIdOfPublicKey(publicKeyFromPem(publicKeyPem));
}

/** What `GET /v1/ledger/public-key` serves for the key that signs tree heads. */
export function ledgerPublicKey(key: Ed25519SigningKey): LedgerPublicKey {
  return { keyId: key.keyId, algorithm: 'Ed25519', publicKeyPem: publicKeyToPem(key.publicKey) };
}

export function signTreeHead(key: Ed25519SigningKey, timestampMs: number, treeSize: number, rootHash: Uint8Array): SignedTreeHead {
  const signature = ed25519Sign(treeHeadSigningBytes(timestampMs, treeSize, rootHash), key.secretKey);
  return {
    treeSize,
    rootHash: toHex(rootHash),
    timestamp: new Date(timestampMs).toISOString(),
    signature: toHex(signature),
    keyId: key.keyId,
  };
}

/**
 * True only when the head is well formed, names this key, and the signature
 * covers its size, root and timestamp. Never throws: heads come from
 * untrusted dossiers.
 */
export function verifyTreeHead(publicKeyPem: string, head: SignedTreeHead): boolean {
  try {
    const publicKey = publicKeyFromPem(publicKeyPem);
    if (head.keyId !== keyIdOfPublicKey(publicKey)) return false;
    const timestampMs = Date.parse(head.timestamp);
    // A timestamp must have one spelling, or two heads could share a signature.
    if (!Number.isSafeInteger(timestampMs) || new Date(timestampMs).toISOString() !== head.timestamp) return false;
    const signature = fromHex(head.signature);
    const bytes = treeHeadSigningBytes(timestampMs, head.treeSize, fromHex(head.rootHash));
    return signature.length === 64 && ed25519Verify(signature, bytes, publicKey);
  } catch {
    return false;
  }
}
