import type { DossierSummaryItem, DossierVerification, LiabilityDossier } from '@app/audit';

/** Readable names of the demo's actors, by token `sub` (the dossier names actors by id and role only). */
export type ActorNames = ReadonlyMap<string, string>;

const PARTY_WIDTH = 'claims_processor'.length;

/** `2026-12-01 22:16:03Z`: the platform's clock, to the second. */
export const whenOf = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;

function actorOf(item: DossierSummaryItem, names: ActorNames): string {
  const name = names.get(item.actor.id);
  return name ? `${name} (${item.actor.role})` : `${item.actor.id} (${item.actor.role})`;
}

/** The free texts disclosed for one entry, as the prescriber reads them (each proven against its commitment when the verification passed). */
function disclosedTexts(dossier: LiabilityDossier, index: number): string[] {
  return (dossier.disclosures ?? []).filter((item) => item.index === index).map((item) => `${item.path}: "${item.text}"`);
}

/**
 * The dossier's summary as the demo ends: whether it verified offline, then
 * one line per step (when on the platform's clock, which party answers for
 * it, who acted, what was decided), the disclosed texts under their step,
 * and the parties named.
 */
export function dossierReport(dossier: LiabilityDossier, verification: DossierVerification, names: ActorNames): string[] {
  const lines: string[] = [];
  const head = dossier.treeHead;
  if (verification.ok) {
    lines.push(
      `Verified offline (libs/audit verifyDossier): ${verification.entriesChecked} entries in ${verification.streamsChecked} streams, every inclusion proof against the tree head of size ${head.treeSize} signed at ${head.timestamp}, every seal, every chain from its genesis.`,
    );
    const seals = verification.seals;
    if (seals) lines.push(`Seals checked against ${seals.source === 'given' ? "the ledger's signer registry, fetched apart from the dossier" : 'the signers the dossier brings itself'}: ${seals.trusted.map((key) => `${key.service} (${key.entries})`).join(', ')}.`);
    const texts = verification.texts;
    if (texts) lines.push(`Free texts: ${texts.checked} disclosed and checked against their commitments, ${texts.undisclosed} not disclosed to this reader, ${texts.unchecked} erased.`);
  } else {
    lines.push(`NOT VERIFIED: ${verification.failedEntry ? `entry index ${verification.failedEntry.index}: ${verification.failedEntry.failure}` : verification.failures[0]}`);
    for (const failure of verification.failures.slice(0, 10)) lines.push(`  - ${failure}`);
  }
  lines.push('', 'Who decided what, when, as which party (platform clock):');
  const actorWidth = Math.max(...dossier.summary.map((item) => actorOf(item, names).length));
  const stepWidth = Math.max(...dossier.summary.map((item) => item.step.length));
  for (const item of dossier.summary) {
    lines.push(`  ${whenOf(item.at)}  ${item.party.padEnd(PARTY_WIDTH)}  ${actorOf(item, names).padEnd(actorWidth)}  ${item.step.padEnd(stepWidth)}  ${item.decision}`);
    for (const text of disclosedTexts(dossier, item.index)) lines.push(`  ${' '.repeat(22 + PARTY_WIDTH + 2)}${text}`);
  }
  const parties = [...new Set(dossier.summary.map((item) => item.party))];
  lines.push('', `Parties: ${parties.join(', ')}.`);
  return lines;
}
