import { assembleDossier, dossierScope, type LiabilityDossier } from '@app/audit';
import type { Principal } from '@app/auth';
import type { Queryable } from '../store/queryable';
import { Inject, Injectable } from '@nestjs/common';
import { LedgerErrors } from '../domain/ledger.errors';
import { mayRead } from '../domain/prescriber-access';
import { LEDGER_SIGNING_KEY, type LedgerSigningKey } from '../signing/ledger-signing-key';
import { firstEntryOf } from '../store/entry.store';
import { SignerRegistry } from '../signers/signer-registry';
import { LedgerSnapshots } from '../store/ledger-snapshots';
import { inclusionPaths } from '../store/proof.store';
import { latestTreeHead } from '../store/tree-head.store';
import { gatherDossierEntries } from './dossier-entries.gatherer';

/**
 * The liability dossier of a prescription: every entry of every stream its
 * membership rule covers (`dossierScope`: its renewal chain, its attempts,
 * its device's certification, what names it), from each stream's genesis up
 * to ONE signed tree head read in the same snapshot (REPEATABLE READ), each
 * with its inclusion proof and party, in time order; and the same entries
 * per stream with each chain's head and findings; and the signer registry.
 */
@Injectable()
export class LiabilityDossierBuilder {
  constructor(
    private readonly snapshots: LedgerSnapshots,
    @Inject(LEDGER_SIGNING_KEY) private readonly key: LedgerSigningKey,
    private readonly registry: SignerRegistry,
  ) {}

  build(prescriptionId: string, reader: Principal): Promise<LiabilityDossier> {
    return this.snapshots.read(async (db) => {
      const subject = `prescription:${prescriptionId}`;
      const treeHead = await latestTreeHead(db);
      const size = treeHead?.treeSize ?? 0;
      const readsOwn = reader.role === 'auditor' || mayRead(reader, await firstEntryOf(db, subject));
      if (!readsOwn && reader.role !== 'physician') throw LedgerErrors.notYours(subject);
      const entries = await gatherDossierEntries(db, prescriptionId, size);
      if (!readsOwn && !(await prescribedOneOf(db, reader, entries.map((e) => e.entry), prescriptionId))) throw LedgerErrors.notYours(subject);
      if (!treeHead || !entries.some((e) => e.entry.subject === subject)) throw LedgerErrors.prescriptionNotFound(prescriptionId);
      const paths = await inclusionPaths(db, entries.map((e) => e.index), size);
      const { keyId, publicKeyPem } = this.key.publicKey;
      const proven = entries.map((e, i) => ({ index: e.index, entry: e.entry, leafHash: e.leafHash, path: paths[i] }));
      // The tree head key also signs which streams the dossier covers: proofs cannot show that none was left out.
      const dossier = assembleDossier({ prescriptionId, treeHead, publicKey: { keyId, publicKeyPem } }, proven, this.key.privateKey);
      // The registry as the ledger knows it, history included; a verifier trusts rather the one it was given (`--signers`).
      return { ...dossier, signers: await this.registry.signers() };
    });
  }
}

/** A physician reads the dossier of any prescription of a renewal chain they prescribed in: it holds the same entries as their own's. */
async function prescribedOneOf(db: Queryable, reader: Principal, entries: Parameters<typeof dossierScope>[1], prescriptionId: string): Promise<boolean> {
  for (const prescription of dossierScope(prescriptionId, entries).prescriptions) {
    if (mayRead(reader, await firstEntryOf(db, prescription))) return true;
  }
  return false;
}
