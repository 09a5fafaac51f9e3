import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from './hex';

/*
 * Ed25519 keys as PEM without node:crypto, so the verifier runs the same in
 * Node and in a browser. Both DER forms have a fixed prefix (RFC 8410): an
 * Ed25519 key is nothing but its 32 bytes behind that prefix.
 */
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
const KEY_BYTES = 32;

/** A private signing key parsed once: the seed, its public key and the key id. */
export interface Ed25519SigningKey {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly keyId: string;
}

/** The 32 public key bytes of an SPKI PEM; throws a TypeError on anything else. */
export function publicKeyFromPem(pem: string): Uint8Array {
  return keyBytes(pemBody(pem, 'PUBLIC KEY'), SPKI_PREFIX, 'an Ed25519 SPKI public key');
}

/** Parses a PKCS#8 PEM (literal `\n` accepted, as env variables carry them); throws a TypeError otherwise. */
export function signingKeyFromPem(pem: string): Ed25519SigningKey {
  const secretKey = keyBytes(pemBody(pem, 'PRIVATE KEY'), PKCS8_PREFIX, 'an Ed25519 PKCS#8 private key');
  const publicKey = ed25519.getPublicKey(secretKey);
  return { secretKey, publicKey, keyId: keyIdOfPublicKey(publicKey) };
}

/** The SPKI DER of a public key (what `keyId` hashes). */
export const spkiDer = (publicKey: Uint8Array): Uint8Array => concat(SPKI_PREFIX, checkLength(publicKey));

/** The PKCS#8 DER of a seed, for runtimes that import keys only as DER. */
export const pkcs8Der = (secretKey: Uint8Array): Uint8Array => concat(PKCS8_PREFIX, checkLength(secretKey));

export function publicKeyToPem(publicKey: Uint8Array): string {
  return toPem(concat(SPKI_PREFIX, checkLength(publicKey)), 'PUBLIC KEY');
}

export function secretKeyToPem(secretKey: Uint8Array): string {
  return toPem(concat(PKCS8_PREFIX, checkLength(secretKey)), 'PRIVATE KEY');
}

/** SHA-256 of the SPKI DER, lowercase hex (API.md `keyId`). */
export function keyIdOfPublicKey(publicKey: Uint8Array): string {
  return toHex(sha256(concat(SPKI_PREFIX, checkLength(publicKey))));
}

/** A fresh key pair as PEM: development keys and test harnesses. */
export function generateSigningKeyPem(): { privateKeyPem: string; publicKeyPem: string; keyId: string } {
  const secretKey = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(secretKey);
  return { privateKeyPem: secretKeyToPem(secretKey), publicKeyPem: publicKeyToPem(publicKey), keyId: keyIdOfPublicKey(publicKey) };
}

/** A fresh parsed key: test harnesses and fixtures (its public PEM via publicKeyToPem(key.publicKey)). */
export function generateSigningKey(): Ed25519SigningKey {
  const secretKey = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(secretKey);
  return { secretKey, publicKey, keyId: keyIdOfPublicKey(publicKey) };
}

function pemBody(pem: string, label: string): Uint8Array {
  if (typeof pem !== 'string') throw new TypeError(`expected a PEM "${label}"`);
  const text = pem.replace(/\\n/g, '\n').trim();
  const match = new RegExp(`^-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----$`).exec(text);
  if (!match) throw new TypeError(`expected a PEM "${label}"`);
  const base64 = match[1].replace(/\s+/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(base64)) throw new TypeError('PEM body is not base64');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function keyBytes(der: Uint8Array, prefix: Uint8Array, what: string): Uint8Array {
  const ok = der.length === prefix.length + KEY_BYTES && prefix.every((b, i) => der[i] === b);
  if (!ok) throw new TypeError(`not ${what}`);
  return der.slice(prefix.length);
}

function toPem(der: Uint8Array, label: string): string {
  const base64 = btoa(String.fromCharCode(...der));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function checkLength(key: Uint8Array): Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) throw new TypeError('an Ed25519 key is 32 bytes');
  return key;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
