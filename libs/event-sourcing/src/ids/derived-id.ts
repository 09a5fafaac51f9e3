import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * A UUID v7 that every replica and every redelivery computes alike: stamped
 * with `at`, its random bits the first 16 bytes of SHA-256(`seed`). For a
 * row that must exist once per fact (a period's scheduled run, a fact's
 * notification to one recipient), its unique id doing the deduplication.
 */
export function derivedId(seed: string, at: Date): string {
  const random = createHash('sha256').update(seed).digest().subarray(0, 16);
  return uuidv7({ msecs: at.getTime(), random: new Uint8Array(random) });
}
