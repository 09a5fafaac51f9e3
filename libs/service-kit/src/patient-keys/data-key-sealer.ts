import { ERASED, type Erased, type SealedTextV1 } from '@app/contracts';
import {
  type DataKey,
  decryptPersonalField,
  encryptPersonalField,
  generationOf,
  openPersonalText,
  sealPersonalText,
} from '@app/fr-health';
import type { PatientOpener, PatientSealer } from './patient-keyring';

/** Writes under the patient's live data key. */
export class DataKeySealer implements PatientSealer {
  readonly generation: number;

  constructor(
    readonly pseudonym: string,
    private readonly dataKey: DataKey,
  ) {
    this.generation = dataKey.generation;
  }

  encrypt(plaintext: string, aad: string): string {
    return encryptPersonalField(plaintext, this.dataKey, aad);
  }

  sealText(text: string, aad: string): SealedTextV1 {
    return sealPersonalText(text, this.dataKey, aad);
  }
}

/**
 * Reads what was written under any generation of the patient's key: the
 * ciphertext names its generation; a destroyed one reads ERASED without a
 * key being tried.
 */
export class DataKeyOpener implements PatientOpener {
  constructor(
    readonly pseudonym: string,
    /** Every generation the patient has: its key, or null when destroyed. */
    private readonly keys: ReadonlyMap<number, Buffer | null>,
  ) {}

  decrypt(ciphertext: string, aad: string): string | Erased {
    const key = this.keyFor(ciphertext);
    return key === null ? ERASED : decryptPersonalField(ciphertext, key, aad);
  }

  openText(sealed: Pick<SealedTextV1, 'ciphertext'>, aad: string): { text: string; salt: string } | Erased {
    const key = this.keyFor(sealed.ciphertext);
    return key === null ? ERASED : openPersonalText(sealed.ciphertext, key, aad);
  }

  private keyFor(ciphertext: string): Buffer | null {
    const generation = generationOf(ciphertext);
    const key = this.keys.get(generation);
    // A generation the patient never had: the ciphertext is another patient's, or forged.
    if (key === undefined) throw new Error(`this patient has no data key generation ${generation}`);
    return key;
  }
}
