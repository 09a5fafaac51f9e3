import { compareDossierEntries, dossierSummary, partiesOf, type LiabilityDossier } from '@app/audit';
import type { Principal } from '@app/auth';
import { Inject, Injectable } from '@nestjs/common';
import { LedgerErrors } from '../domain/ledger.errors';
import { mayRead } from '../domain/prescriber-access';
import { LEDGER_SIGNING_KEY, type LedgerSigningKey } from '../signing/ledger-signing-key';
import { entriesNaming, entriesOfSubjects, firstEntryOf, type LedgerEntryView } from '../store/entry.store';
import { LedgerSnapshots } from '../store/ledger-snapshots';
import { inclusionPaths } from '../store/proof.store';
import type { Queryable } from '../store/queryable';
import { latestTreeHead } from '../store/tree-head.store';

/**
 * The liability dossier of a prescription: every entry naming it, the entries
 * of its refused attempts, and its device's own history up to the
 * prescription's last step (who certified it, and whether the certification
 * was in force), in time order, each proven against ONE signed tree head read
 * in the same snapshot (REPEATABLE READ), with the party of each step.
 */
@Injectable()
export class LiabilityDossierBuilder {
  constructor(
    private readonly snapshots: LedgerSnapshots,
    @Inject(LEDGER_SIGNING_KEY) private readonly key: LedgerSigningKey,
  ) {}

  build(prescriptionId: string, reader: Principal): Promise<LiabilityDossier> {
    return this.snapshots.read(async (db) => {
      const subject = `prescription:${prescriptionId}`;
      if (reader.role !== 'auditor' && !mayRead(reader, await firstEntryOf(db, subject))) throw LedgerErrors.notYours(subject);
      const treeHead = await latestTreeHead(db);
      const size = treeHead?.treeSize ?? 0;
      const own = await entriesNaming(db, [subject], size);
      if (!treeHead || own.length === 0) throw LedgerErrors.prescriptionNotFound(prescriptionId);
      const entries = dedupe([...own, ...(await this.related(db, own, size))]).sort(compareDossierEntries);
      const paths = await inclusionPaths(db, entries.map((e) => e.index), size);
      const parties = partiesOf(entries.map((e) => e.entry));
      const proven = entries.map((e, i) => ({
        index: e.index,
        entry: e.entry,
        leafHash: e.leafHash,
        proof: { leafIndex: e.index, treeSize: size, path: paths[i] },
        party: parties[i],
      }));
      const { keyId, publicKeyPem } = this.key.publicKey;
      return { prescriptionId, treeHead, publicKey: { keyId, publicKeyPem }, entries: proven, summary: dossierSummary(proven) };
    });
  }

  private async related(db: Queryable, own: LedgerEntryView[], size: number): Promise<LedgerEntryView[]> {
    const refs = new Set(own.flatMap((e) => [e.entry.subject, ...e.entry.relatedSubjects]));
    const attempts = [...refs].filter((ref) => ref.startsWith('attempt:'));
    const devices = [...refs].filter((ref) => ref.startsWith('device:'));
    const lastOwn = Math.max(...own.map((e) => e.index));
    return [...(await entriesNaming(db, attempts, size)), ...(await entriesOfSubjects(db, devices, lastOwn + 1))];
  }
}

function dedupe(entries: LedgerEntryView[]): LedgerEntryView[] {
  return [...new Map(entries.map((e) => [e.index, e])).values()];
}
