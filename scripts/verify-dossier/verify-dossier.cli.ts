/*
 * npm run verify-dossier -- dossier.json --public-key key.pem [--signers signers.json]
 *
 * signers.json: the body of GET /v1/ledger/signers (`{ items: [...] }`, or the
 * bare list), obtained apart from the dossier. Without it the seals are
 * checked against the signers the dossier brings itself, and the output says so.
 *
 * Disclosures (the free texts the dossier gives with their salts) are checked
 * against their entries' commitments: the output says how many texts were
 * checked, how many were erased (unchecked, not a failure) and how many
 * commitments no disclosure names.
 *
 * Offline: reads its files, no network, no database. Exit 0 when every check
 * passes (with a short summary), 1 when any fails (the first failing entry
 * named first, then every failure), 2 on bad usage.
 */
import { verifyDossier, type DossierVerification, type Signer } from '@app/audit';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const USAGE = 'usage: npm run verify-dossier -- dossier.json --public-key key.pem [--signers signers.json]';

function main(argv: string[]): number {
  let files: { dossier: string; publicKey: string; signers?: string };
  try {
    const options = { 'public-key': { type: 'string' }, signers: { type: 'string' } } as const;
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
    if (positionals.length !== 1 || !values['public-key']) throw new Error('one dossier file and --public-key are required');
    files = { dossier: positionals[0], publicKey: values['public-key'], signers: values.signers };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  let dossier: unknown;
  let publicKeyPem: string;
  let signers: Signer[] | undefined;
  try {
    dossier = JSON.parse(readFileSync(files.dossier, 'utf8'));
    publicKeyPem = readFileSync(files.publicKey, 'utf8');
    if (files.signers) signers = signersOf(JSON.parse(readFileSync(files.signers, 'utf8')), files.signers);
  } catch (error) {
    console.error(`cannot read the inputs: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const result = verifyDossier(dossier, publicKeyPem, { signers });
  if (result.seals) printSeals(result.seals, files.signers);
  if (result.texts) printTexts(result.texts);
  if (result.ok) {
    const head = (dossier as { treeHead: { treeSize: number; timestamp: string } }).treeHead;
    console.log(
      `OK: ${result.entriesChecked} entries in ${result.streamsChecked} streams, each chain whole from its genesis, every seal verified, proven against the tree head of size ${head.treeSize} signed at ${head.timestamp}`,
    );
    return 0;
  }
  const first = result.failedEntry;
  console.log(first ? `FAILED at entry index ${first.index} (id ${first.entryId}): ${first.failure}` : `FAILED: ${result.failures[0]}`);
  console.log(`${result.failures.length} problem(s) in ${result.entriesChecked} entries:`);
  for (const failure of result.failures) console.log(`- ${failure}`);
  return 1;
}

function printTexts({ checked, unchecked, undisclosed }: NonNullable<DossierVerification['texts']>): void {
  console.log(
    `Texts: ${checked} checked against their commitments, ${unchecked} unchecked (erased with their patient), ${undisclosed} commitment(s) not disclosed to this reader`,
  );
}

function signersOf(body: unknown, file: string): Signer[] {
  const items = Array.isArray(body) ? body : (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new Error(`${file} is neither the body of GET /v1/ledger/signers ({ items: [...] }) nor a list of signers`);
  return items as Signer[];
}

function printSeals(seals: NonNullable<DossierVerification['seals']>, file: string | undefined): void {
  const from = {
    given: `the signers of ${file}`,
    dossier: 'the signers the dossier brings itself (WARNING: not the ledger registry; give --signers signers.json from GET /v1/ledger/signers)',
    none: 'no signers at all (give --signers signers.json from GET /v1/ledger/signers)',
  }[seals.source];
  console.log(`Seals checked against ${from}; keys trusted:`);
  for (const key of seals.trusted) console.log(`- ${key.service} ${key.keyId} (${key.entries} entries)`);
}

process.exitCode = main(process.argv.slice(2));
