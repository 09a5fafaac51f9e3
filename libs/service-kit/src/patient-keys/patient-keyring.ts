import type { Erased, SealedTextV1 } from '@app/contracts';
import type { EntityManager } from 'typeorm';

/**
 * A patient's personal data under their own data key (ARCHITECTURE.md,
 * "Privacy by design"). `aad` binds a ciphertext to its row and field
 * (`fieldAad` in libs/fr-health): the same ciphertext under another row or
 * field does not open.
 */
export interface PatientSealer {
  readonly pseudonym: string;
  /** The data key generation the ciphertexts name. */
  readonly generation: number;
  encrypt(plaintext: string, aad: string): string;
  /** A fresh salt, the commitment and the encrypted `{ salt, text }`. */
  sealText(text: string, aad: string): SealedTextV1;
}

export interface PatientOpener {
  readonly pseudonym: string;
  /** The plaintext, or ERASED when the generation the ciphertext names was destroyed. Throws on a ciphertext that fails authentication. */
  decrypt(ciphertext: string, aad: string): string | Erased;
  openText(sealed: Pick<SealedTextV1, 'ciphertext'>, aad: string): { text: string; salt: string } | Erased;
}

export interface PatientKeys {
  sealer: PatientSealer;
  opener: PatientOpener;
}

export interface PatientKeyring {
  /** The patient's live data key, issued in the caller's transaction when there is none (a first prescription). */
  sealerFor(pseudonym: string, manager: EntityManager): Promise<PatientSealer>;
  /** Opens what was written under any generation of the patient's key. */
  openerFor(pseudonym: string, manager?: EntityManager): Promise<PatientOpener>;
  /**
   * Both of the above from one read of the patient's generations, in the
   * caller's transaction: for a step that writes, then answers with what it
   * holds (a second read would only cost a round trip).
   */
  keysFor(pseudonym: string, manager: EntityManager): Promise<PatientKeys>;
  /**
   * The same one read, for a step that first reads what it may rewrite: never
   * issues a key, so `sealer` is null when the patient has no live key
   * (erased, or never written for).
   */
  liveKeysFor(pseudonym: string, manager: EntityManager): Promise<{ sealer: PatientSealer | null; opener: PatientOpener }>;
  /** Drops what this process holds of the patient's keys (on PatientErased). */
  forget(pseudonym: string): void;
}

/** The one right of the service that erases: destroy every generation of a patient's data key. */
export interface PatientKeyEraser {
  /** `known`: a key of this patient ever existed; `destroyed`: generations destroyed now (0 when already erased). */
  erase(pseudonym: string, manager: EntityManager): Promise<{ known: boolean; destroyed: number }>;
}

export const PATIENT_KEYRING = Symbol('PATIENT_KEYRING');
export const PATIENT_KEY_ERASER = Symbol('PATIENT_KEY_ERASER');

/**
 * Free text about no patient (an evaluator's reason, the note of an erasure):
 * kept under the receiving service's own TEXT_ENCRYPTION_KEY, bound to its row and field by `aad`.
 */
export interface ServiceTextSealer {
  sealText(text: string, aad: string): SealedTextV1;
  openText(sealed: Pick<SealedTextV1, 'ciphertext'>, aad: string): { text: string; salt: string };
}

export const SERVICE_TEXT_SEALER = Symbol('SERVICE_TEXT_SEALER');
