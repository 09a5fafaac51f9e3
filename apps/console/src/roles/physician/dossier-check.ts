import { verifyDossier, type DossierVerification, type LiabilityDossier, type Signer } from '@app/audit';

/** What the dossier screen says of a check made in the browser. */
export type DossierCheck =
  | {
      ok: true;
      entries: number;
      streams: number;
      treeSize: number;
      treeHeadAt: string;
      sealsFrom?: 'given' | 'dossier' | 'none';
      texts?: { checked: number; unchecked: number; undisclosed: number };
    }
  | {
      ok: false;
      /** The first entry at fault, when a failure names one. */
      failedEntry?: { index: number; entryId: string; failure: string };
      failures: string[];
      entries: number;
    };

/**
 * Checks a dossier here, with libs/audit's `verifyDossier` (the code of
 * `npm run verify-dossier`), against the ledger's key and signer registry
 * fetched apart from the dossier: nothing the dossier says of itself is
 * trusted, and no server is asked whether it holds.
 */
export function checkDossier(dossier: unknown, trustedPublicKeyPem: string, signers: readonly Signer[]): DossierCheck {
  return checkOf(verifyDossier(dossier, trustedPublicKeyPem, { signers }), dossier);
}

export function checkOf(result: DossierVerification, dossier: unknown): DossierCheck {
  if (!result.ok) return { ok: false, failures: result.failures, entries: result.entriesChecked, ...(result.failedEntry ? { failedEntry: result.failedEntry } : {}) };
  const head = (dossier as LiabilityDossier).treeHead;
  return {
    ok: true,
    entries: result.entriesChecked,
    streams: result.streamsChecked,
    treeSize: head.treeSize,
    treeHeadAt: String(head.timestamp),
    ...(result.seals ? { sealsFrom: result.seals.source } : {}),
    ...(result.texts ? { texts: result.texts } : {}),
  };
}
