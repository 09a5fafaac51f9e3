/*
 * npm run verify-dossier -- dossier.json --public-key key.pem
 *
 * Offline: reads two files, no network, no database. Exit 0 when every check
 * passes, 1 when any fails (each failure printed), 2 on bad usage.
 */
import { verifyDossier } from '@app/audit';
import { readFileSync } from 'node:fs';

function main(argv: string[]): number {
  const keyAt = argv.indexOf('--public-key');
  const keyPath = keyAt >= 0 ? argv[keyAt + 1] : undefined;
  const dossierPath = argv.find((arg, i) => !arg.startsWith('--') && i !== keyAt + 1);
  if (!dossierPath || !keyPath) {
    console.error('usage: npm run verify-dossier -- dossier.json --public-key key.pem');
    return 2;
  }
  let dossier: unknown;
  let publicKeyPem: string;
  try {
    dossier = JSON.parse(readFileSync(dossierPath, 'utf8'));
    publicKeyPem = readFileSync(keyPath, 'utf8');
  } catch (error) {
    console.error(`cannot read the inputs: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const result = verifyDossier(dossier, publicKeyPem);
  if (result.ok) {
    const head = (dossier as { treeHead: { treeSize: number; timestamp: string } }).treeHead;
    console.log(`OK: ${result.entriesChecked} entries proven against the tree head of size ${head.treeSize} signed at ${head.timestamp}`);
    return 0;
  }
  console.log(`FAILED: ${result.failures.length} problem(s) in ${result.entriesChecked} entries`);
  for (const failure of result.failures) console.log(`- ${failure}`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
