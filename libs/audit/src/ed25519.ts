import { ed25519 as noble } from '@noble/curves/ed25519.js';

/**
 * The Ed25519 function (RFC 8032) every signature of this library goes
 * through. By default @noble/curves, which runs anywhere (the offline
 * verifier, a browser). A Node service installs its runtime's native
 * implementation at start-up (service-kit `useNativeEd25519`): the same
 * deterministic function, but about fifteen times faster on our 2-core
 * machines (noble: ~0.7 ms a signature, ~1.5 ms a verification), which is
 * the difference between sealing every audited command and being bound by
 * it. The rules around the primitive (which bytes, which signer, which
 * validity) stay this library's, the same code everywhere.
 */
export interface Ed25519Primitive {
  /** 64-byte signature of `message` under the 32-byte seed. */
  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
  /** Strict RFC 8032 verification; false (never a throw) for anything that does not verify. */
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

export const NOBLE_ED25519: Ed25519Primitive = {
  sign: (message, secretKey) => noble.sign(message, secretKey),
  verify: (signature, message, publicKey) => {
    try {
      return noble.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
};

let primitive: Ed25519Primitive = NOBLE_ED25519;

/** Installs the implementation every later signature and verification uses (once, at start-up). */
export function useEd25519(implementation: Ed25519Primitive): void {
  primitive = implementation;
}

export const ed25519Sign = (message: Uint8Array, secretKey: Uint8Array): Uint8Array => primitive.sign(message, secretKey);

export const ed25519Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean =>
  primitive.verify(signature, message, publicKey);
