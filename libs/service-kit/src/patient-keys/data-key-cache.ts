import type { WrappedDataKey } from '@app/fr-health';

export interface DataKeyCacheOptions {
  /** How long an unwrapped key is kept after it was unwrapped. */
  ttlMs: number;
  /** Patients whose keys are kept at most; the least recently used go first. */
  maxPatients: number;
}

export const DEFAULT_DATA_KEY_CACHE: DataKeyCacheOptions = { ttlMs: 5 * 60_000, maxPatients: 1000 };

interface Entry {
  masterVersion: number;
  wrapped: Buffer;
  key: Buffer;
  expiresAt: number;
}

/**
 * Unwrapped data keys, so a KMS is not asked at every read. A key is served
 * only for the exact wrapped bytes it was unwrapped from: the database stays
 * the authority (a key issued in a transaction that rolled back, or a
 * generation destroyed since, is never served), and the cache only saves the
 * unwrap. Bounded in time and size, and emptied of a patient on forget.
 */
export class DataKeyCache {
  private readonly patients = new Map<string, Map<number, Entry>>();

  constructor(
    private readonly options: DataKeyCacheOptions = DEFAULT_DATA_KEY_CACHE,
    private readonly now: () => number = Date.now,
  ) {}

  get(pseudonym: string, generation: number, stored: WrappedDataKey): Buffer | undefined {
    const keys = this.patients.get(pseudonym);
    const entry = keys?.get(generation);
    if (!keys || !entry) return undefined;
    if (entry.expiresAt <= this.now() || entry.masterVersion !== stored.masterVersion || !entry.wrapped.equals(stored.wrapped)) {
      this.drop(pseudonym, generation);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.patients.delete(pseudonym);
    this.patients.set(pseudonym, keys);
    return entry.key;
  }

  set(pseudonym: string, generation: number, stored: WrappedDataKey, key: Buffer): void {
    if (this.options.maxPatients <= 0) return;
    const keys = this.patients.get(pseudonym) ?? new Map<number, Entry>();
    keys.set(generation, { masterVersion: stored.masterVersion, wrapped: Buffer.from(stored.wrapped), key, expiresAt: this.now() + this.options.ttlMs });
    this.patients.delete(pseudonym);
    this.patients.set(pseudonym, keys);
    while (this.patients.size > this.options.maxPatients) this.patients.delete(this.patients.keys().next().value as string);
  }

  drop(pseudonym: string, generation: number): void {
    const keys = this.patients.get(pseudonym);
    keys?.delete(generation);
    if (keys?.size === 0) this.patients.delete(pseudonym);
  }

  forget(pseudonym: string): void {
    this.patients.delete(pseudonym);
  }

  get size(): number {
    return this.patients.size;
  }
}
