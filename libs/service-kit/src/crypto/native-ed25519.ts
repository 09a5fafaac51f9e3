import { pkcs8Der, spkiDer, toHex, useEd25519, type Ed25519Primitive } from '@app/audit';
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

// A service signs with one key and checks a handful: import each once.
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function imported(cache: Map<string, KeyObject>, bytes: Uint8Array, load: (der: Buffer) => KeyObject): KeyObject {
  const id = toHex(bytes);
  let key = cache.get(id);
  if (!key) {
    key = load(Buffer.from(bytes));
    cache.set(id, key);
  }
  return key;
}

/** Node's own Ed25519 (OpenSSL): the same RFC 8032 function as @noble/curves, native. */
export const NATIVE_ED25519: Ed25519Primitive = {
  sign(message, secretKey) {
    const key = imported(privateKeys, secretKey, (seed) => createPrivateKey({ key: Buffer.from(pkcs8Der(seed)), format: 'der', type: 'pkcs8' }));
    return new Uint8Array(sign(null, message, key));
  },
  verify(signature, message, publicKey) {
    try {
      if (signature.length !== 64) return false;
      const key = imported(publicKeys, publicKey, (raw) => createPublicKey({ key: Buffer.from(spkiDer(raw)), format: 'der', type: 'spki' }));
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  },
};

/** Every seal, tree head and dossier signature of this process goes through Node's native Ed25519 (see libs/audit ed25519.ts). */
export function useNativeEd25519(): void {
  useEd25519(NATIVE_ED25519);
}
