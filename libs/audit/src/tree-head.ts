import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
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
export function treeHeadSigningBytes(timestampMs: number, treeSize: number, rootHash: Buffer): Buffer {
  for (const [name, n] of [['timestampMs', timestampMs], ['treeSize', treeSize]] as const) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  if (!Buffer.isBuffer(rootHash) || rootHash.length !== 32) throw new RangeError('rootHash must be 32 bytes');
  const bytes = Buffer.alloc(48);
  bytes.writeBigUInt64BE(BigInt(timestampMs), 0);
  bytes.writeBigUInt64BE(BigInt(treeSize), 8);
  rootHash.copy(bytes, 16);
  return bytes;
}

/** SHA-256 of the SPKI DER, lowercase hex. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' || publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** What `GET /v1/ledger/public-key` serves for the key that signs tree heads. */
export function ledgerPublicKey(key: KeyObject): LedgerPublicKey {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  assertEd25519(publicKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { keyId: keyIdOf(publicKey), algorithm: 'Ed25519', publicKeyPem };
}

export function signTreeHead(privateKey: KeyObject, timestampMs: number, treeSize: number, rootHash: Buffer): SignedTreeHead {
  assertEd25519(privateKey);
  const signature = sign(null, treeHeadSigningBytes(timestampMs, treeSize, rootHash), privateKey);
  return {
    treeSize,
    rootHash: toHex(rootHash),
    timestamp: new Date(timestampMs).toISOString(),
    signature: toHex(signature),
    keyId: keyIdOf(privateKey),
  };
}

/**
 * True only when the head is well formed, names this key, and the signature
 * covers its size, root and timestamp. Never throws: heads come from
 * untrusted dossiers.
 */
export function verifyTreeHead(publicKeyPem: string, head: SignedTreeHead): boolean {
  try {
    const publicKey = createPublicKey(publicKeyPem);
    if (publicKey.asymmetricKeyType !== 'ed25519' || head.keyId !== keyIdOf(publicKey)) return false;
    const timestampMs = Date.parse(head.timestamp);
    // A timestamp must have one spelling, or two heads could share a signature.
    if (!Number.isSafeInteger(timestampMs) || new Date(timestampMs).toISOString() !== head.timestamp) return false;
    const signature = fromHex(head.signature);
    const bytes = treeHeadSigningBytes(timestampMs, head.treeSize, fromHex(head.rootHash));
    return signature.length === 64 && verify(null, bytes, publicKey, signature);
  } catch {
    return false;
  }
}

function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('tree heads are signed with Ed25519 keys only');
}
