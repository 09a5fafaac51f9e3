/*
 * npm run verify-dossier -- dossier.json --public-key key.pem
 *
 * Offline: reads its files, no network, no database. Exit 0 when every check
 * passes (with a short summary), 1 when any fails (the first failing entry
 * named first, then every failure), 2 on bad usage.
 */
import { verifyDossier } from '@app/audit';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const USAGE = 'usage: npm run verify-dossier -- dossier.json --public-key key.pem';

function main(argv: string[]): number {
  let files: { dossier: string; publicKey: string };
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { 'public-key': { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 1 || !values['public-key']) throw new Error('one dossier file and --public-key are required');
    files = { dossier: positionals[0], publicKey: values['public-key'] };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  let dossier: unknown;
  let publicKeyPem: string;
  try {
    dossier = JSON.parse(readFileSync(files.dossier, 'utf8'));
    publicKeyPem = readFileSync(files.publicKey, 'utf8');
  } catch (error) {
    console.error(`cannot read the inputs: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const result = verifyDossier(dossier, publicKeyPem);
  if (result.ok) {
    const head = (dossier as { treeHead: { treeSize: number; timestamp: string } }).treeHead;
    console.log(
      `OK: ${result.entriesChecked} entries in ${result.streamsChecked} streams, each chain whole from its genesis, proven against the tree head of size ${head.treeSize} signed at ${head.timestamp}`,
    );
    return 0;
  }
  const first = result.failedEntry;
  console.log(first ? `FAILED at entry index ${first.index} (id ${first.entryId}): ${first.failure}` : `FAILED: ${result.failures[0]}`);
  console.log(`${result.failures.length} problem(s) in ${result.entriesChecked} entries:`);
  for (const failure of result.failures) console.log(`- ${failure}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
