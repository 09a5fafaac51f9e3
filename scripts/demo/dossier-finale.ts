import { keyIdOf, verifyDossier } from '@app/audit';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { downloadDossier, type Workflow } from '../workflow';
import { actorNames, castOf } from './demo-actors';
import { timed, type DemoContext } from './demo-context';
import { dossierReport } from './dossier-report';
import type { DemoState } from './demo-state';
import { seconds } from './narration';

/** The steps the dossier must hold before the demo reads it (the ledger appends through Kafka). */
export const DOSSIER_STEPS = ['device.registered', 'device.certified', 'prescription.issued', 'enrolment.activated', 'claim.created', 'claim.adjudicated', 'claim.paid'];

/**
 * The prescriber downloads the prescription's liability dossier; the ledger's
 * key and signer registry come apart from it; all three are saved beside
 * the state, verified here offline (libs/audit, as `npm run verify-dossier`
 * does) and summarised. Returns where they were saved, and whether it verified.
 */
export async function dossierFinale(ctx: DemoContext, wf: Workflow, state: DemoState): Promise<{ dir: string; ok: boolean }> {
  const { narrator } = ctx;
  const cast = castOf(state.identities);
  narrator.section('The liability dossier of the prescription');
  const downloaded = await timed(() => downloadDossier(wf, state.prescriptionId, { steps: DOSSIER_STEPS }));
  const { dossier, publicKeyPem, signers } = downloaded.value;
  narrator.step(
    cast.physician,
    `downloads the dossier of prescription ${state.prescriptionId}`,
    `200: ${dossier.entries.length} entries, ${dossier.streams.length} streams, ${dossier.disclosures?.length ?? 0} disclosed text(s) (after ${seconds(downloaded.ms)})`,
  );
  narrator.step(cast.auditor, "fetches the ledger's public key and signer registry, apart from the dossier", `200: tree head key ${keyIdOf(publicKeyPem).slice(0, 16)}…, ${signers.length} service signer(s)`);

  const dir = join(dirname(ctx.options.statePath), `demo-dossier-${state.prescriptionId}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = { dossier: join(dir, 'dossier.json'), key: join(dir, 'key.pem'), signers: join(dir, 'signers.json') };
  writeFileSync(files.dossier, `${JSON.stringify(dossier, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(files.key, publicKeyPem, { mode: 0o600 });
  writeFileSync(files.signers, `${JSON.stringify({ items: signers }, null, 2)}\n`, { mode: 0o600 });

  // Offline: what was saved, read back as a stranger to the platform would.
  const verification = verifyDossier(JSON.parse(JSON.stringify(dossier)), publicKeyPem, { signers });
  narrator.say();
  for (const line of dossierReport(dossier, verification, actorNames(state.identities))) narrator.say(line);
  narrator.say();
  narrator.say(`Saved in ${dir}; check it yourself, offline:`);
  narrator.say(`  npm run verify-dossier -- ${files.dossier} --public-key ${files.key} --signers ${files.signers}`);
  return { dir, ok: verification.ok };
}
