import { CiphertextAuthenticationError, dataKeyAad, type MasterKeyWrapper, UnknownMasterVersionError } from '@app/fr-health';
import { PatientKeysStore, type Queryable } from './patient-keys.store';

export interface RotationOutcome {
  /** The master version every live data key is now wrapped under. */
  masterVersion: number;
  /** Keys this run re-wrapped. */
  rewrapped: number;
  /** Keys that changed between read and write (erased, or re-wrapped by another run): left as they are. */
  changedMeanwhile: number;
  /** Keys that do not unwrap (a master version not configured, or a key not bound to its row): left as they are, named here. */
  failed: { pseudonym: string; generation: number; reason: string }[];
  batches: number;
}

/**
 * `npm run rotate-keys`: re-wraps every live data key not under the current
 * master version, batch by batch, each key by compare-and-set. Nothing else
 * is re-encrypted: ciphertexts name a data key generation, not a master key.
 * Idempotent and resumable: an interrupted run leaves each key wrapped under
 * the old version or the new one, and the next run takes what is left. A
 * key that does not unwrap is named in `failed` and the run goes on.
 */
export async function rotatePatientKeys(
  db: Queryable,
  wrapper: MasterKeyWrapper,
  options: { schema?: string; batchSize?: number; onBatch?: (outcome: RotationOutcome) => void } = {},
): Promise<RotationOutcome> {
  const store = new PatientKeysStore(options.schema);
  const batchSize = options.batchSize ?? 500;
  const outcome: RotationOutcome = { masterVersion: wrapper.currentVersion, rewrapped: 0, changedMeanwhile: 0, failed: [], batches: 0 };
  let after = { pseudonym: '', generation: 0 };
  for (;;) {
    const batch = await store.keysToRewrap(db, wrapper.currentVersion, after, batchSize);
    if (batch.length === 0) return outcome;
    for (const key of batch) {
      const aad = dataKeyAad(key.pseudonym, key.generation);
      let dataKey: Buffer;
      try {
        dataKey = await wrapper.unwrap(key, aad);
      } catch (error) {
        if (!(error instanceof UnknownMasterVersionError || error instanceof CiphertextAuthenticationError)) throw error;
        outcome.failed.push({ pseudonym: key.pseudonym, generation: key.generation, reason: error.message });
        continue;
      }
      const rewrapped = await wrapper.wrap(dataKey, aad);
      if (await store.rewrap(db, key, rewrapped)) outcome.rewrapped += 1;
      else outcome.changedMeanwhile += 1;
    }
    outcome.batches += 1;
    options.onBatch?.({ ...outcome, failed: [...outcome.failed] });
    const last = batch[batch.length - 1];
    after = { pseudonym: last.pseudonym, generation: last.generation };
  }
}
