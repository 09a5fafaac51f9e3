import { dataKeyAad, isPseudonym, type MasterKeyWrapper, newDataKeyBytes, type WrappedDataKey } from '@app/fr-health';
import type { DataSource, EntityManager } from 'typeorm';
import { DataKeyCache, type DataKeyCacheOptions, DEFAULT_DATA_KEY_CACHE } from './data-key-cache';
import { DataKeyOpener, DataKeySealer } from './data-key-sealer';
import type { PatientKeyring, PatientKeys, PatientOpener, PatientSealer } from './patient-keyring';
import { PatientKeysStore, type StoredGeneration } from './patient-keys.store';

export interface PgPatientKeyringOptions {
  schema?: string;
  cache?: Partial<DataKeyCacheOptions>;
  now?: () => number;
}

type LiveGeneration = Extract<StoredGeneration, { destroyed: false }>;

/** A concurrent erasure and re-issue can make the generation a writer wrapped for stale; it reads again, a few times. */
const ISSUE_ATTEMPTS = 3;

/**
 * A holder's keyring over the `patient_keys` functions: every call reads the
 * patient's generations from the database (in the caller's transaction when
 * given), so an erasure counts at once; unwrapping goes through the bounded
 * cache. A first write issues the patient's key in the writer's transaction:
 * it is committed with the data written under it, or not at all. A write
 * that read the live key before an erasure committed, and commits after it,
 * is erased with the rest: no write slips past an erasure.
 */
export class PgPatientKeyring implements PatientKeyring {
  private readonly store: PatientKeysStore;
  private readonly cache: DataKeyCache;

  constructor(
    private readonly dataSource: Pick<DataSource, 'query'>,
    private readonly wrapper: MasterKeyWrapper,
    options: PgPatientKeyringOptions = {},
  ) {
    this.store = new PatientKeysStore(options.schema);
    this.cache = new DataKeyCache({ ...DEFAULT_DATA_KEY_CACHE, ...options.cache }, options.now);
  }

  async sealerFor(pseudonym: string, manager: EntityManager): Promise<PatientSealer> {
    return (await this.liveKey(pseudonym, manager)).sealer;
  }

  async openerFor(pseudonym: string, manager?: EntityManager): Promise<PatientOpener> {
    assertPseudonym(pseudonym);
    return this.openerOver(pseudonym, await this.store.generationsOf(manager ?? this.dataSource, pseudonym));
  }

  async keysFor(pseudonym: string, manager: EntityManager): Promise<PatientKeys> {
    const { sealer, generations } = await this.liveKey(pseudonym, manager);
    return { sealer, opener: await this.openerOver(pseudonym, generations) };
  }

  async liveKeysFor(pseudonym: string, manager: EntityManager): Promise<{ sealer: PatientSealer | null; opener: PatientOpener }> {
    assertPseudonym(pseudonym);
    const generations = await this.store.generationsOf(manager, pseudonym);
    const opener = await this.openerOver(pseudonym, generations);
    const live = generations.find((g): g is LiveGeneration => !g.destroyed);
    // openerOver has just unwrapped (and cached) the live key.
    const sealer = live ? new DataKeySealer(pseudonym, { generation: live.generation, key: await this.unwrap(pseudonym, live.generation, live) }) : null;
    return { sealer, opener };
  }

  forget(pseudonym: string): void {
    this.cache.forget(pseudonym);
  }

  /** The live key's sealer (issued now when there is none) and every generation as the transaction sees them, the live one included. */
  private async liveKey(pseudonym: string, manager: EntityManager): Promise<{ sealer: PatientSealer; generations: StoredGeneration[] }> {
    assertPseudonym(pseudonym);
    for (let attempt = 0; attempt < ISSUE_ATTEMPTS; attempt += 1) {
      const generations = await this.store.generationsOf(manager, pseudonym);
      const live = generations.find((g): g is LiveGeneration => !g.destroyed);
      if (live) return { sealer: new DataKeySealer(pseudonym, { generation: live.generation, key: await this.unwrap(pseudonym, live.generation, live) }), generations };
      const generation = Math.max(0, ...generations.map((g) => g.generation)) + 1;
      const key = newDataKeyBytes();
      const proposed = await this.wrapper.wrap(key, dataKeyAad(pseudonym, generation));
      const issued = await this.store.issue(manager, pseudonym, generation, proposed);
      if (!issued || issued.destroyed) continue;
      const all = [...generations.filter((g) => g.generation !== issued.generation), issued];
      if (issued.generation === generation && issued.masterVersion === proposed.masterVersion && issued.wrapped.equals(proposed.wrapped)) {
        this.cache.set(pseudonym, generation, proposed, key);
        return { sealer: new DataKeySealer(pseudonym, { generation, key }), generations: all };
      }
      // Another writer issued the patient's key first: both write under that one.
      return { sealer: new DataKeySealer(pseudonym, { generation: issued.generation, key: await this.unwrap(pseudonym, issued.generation, issued) }), generations: all };
    }
    throw new Error(`could not issue a data key for a patient after ${ISSUE_ATTEMPTS} attempts (concurrent erasures)`);
  }

  private async openerOver(pseudonym: string, generations: StoredGeneration[]): Promise<PatientOpener> {
    const keys = new Map<number, Buffer | null>();
    for (const stored of generations) {
      if (stored.destroyed) {
        this.cache.drop(pseudonym, stored.generation);
        keys.set(stored.generation, null);
      } else {
        keys.set(stored.generation, await this.unwrap(pseudonym, stored.generation, stored));
      }
    }
    return new DataKeyOpener(pseudonym, keys);
  }

  private async unwrap(pseudonym: string, generation: number, stored: WrappedDataKey): Promise<Buffer> {
    const cached = this.cache.get(pseudonym, generation, stored);
    if (cached) return cached;
    const key = await this.wrapper.unwrap(stored, dataKeyAad(pseudonym, generation));
    this.cache.set(pseudonym, generation, stored, key);
    return key;
  }
}

export function assertPseudonym(pseudonym: string): void {
  if (!isPseudonym(pseudonym)) throw new Error('a patient pseudonym is 64 lowercase hexadecimal characters');
}
