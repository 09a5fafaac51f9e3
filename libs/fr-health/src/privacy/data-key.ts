import { randomBytes } from 'node:crypto';
import { AES_KEY_BYTES } from './aes-gcm';

/** One generation of a patient's data key, unwrapped: what personal fields are encrypted under. */
export interface DataKey {
  readonly generation: number;
  readonly key: Buffer;
}

/** 32 random bytes: a fresh data key, to be wrapped before it is stored anywhere. */
export const newDataKeyBytes = (): Buffer => randomBytes(AES_KEY_BYTES);
