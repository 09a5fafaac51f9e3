/*
 * npm run verify:ledger [-- --public-key key.pem]
 *
 * Full verification of the ledger in the service's schema: rehash every stored
 * entry, rebuild and compare every stored node, rebuild the root and check the
 * latest signed tree head. Exit 0 when intact, 1 naming the first break.
 * Without --public-key, the configured signing key's public half is used.
 */
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AUDIT_LEDGER } from '../audit-ledger.module';
import { loadLedgerConfig } from '../config/ledger-config';
import { loadSigningKey } from '../signing/ledger-signing-key';
import { arrayQueryOf } from '../verification/array-query';
import { verifyLedger } from '../verification/ledger-verifier';

async function main(): Promise<number> {
  const logger = new Logger('verify-ledger');
  const config = loadLedgerConfig(process.env, { defaultPort: AUDIT_LEDGER.defaultPort });
  const keyAt = process.argv.indexOf('--public-key');
  const publicKeyPem = keyAt > 0 ? readFileSync(process.argv[keyAt + 1], 'utf8') : loadSigningKey(config).publicKey.publicKeyPem;
  const schema = process.env.LEDGER_SCHEMA ?? AUDIT_LEDGER.schema;
  const dataSource = new DataSource({ type: 'postgres', url: config.DATABASE_URL, extra: { max: 3, options: `-c search_path=${schema}` } });
  await dataSource.initialize();
  try {
    const started = Date.now();
    const result = await verifyLedger(dataSource, arrayQueryOf(dataSource), publicKeyPem);
    const took = `${((Date.now() - started) / 1000).toFixed(2)} s`;
    if (result.ok) {
      logger.log(`ledger intact: ${result.treeSize} entries rebuild the signed root ${result.signedRoot} (${took})`);
      return 0;
    }
    logger.error(`ledger BROKEN at ${JSON.stringify(result.firstBreak)}; ${result.mismatches.length} mismatch(es) (${took})`);
    for (const mismatch of result.mismatches) logger.error(mismatch.message);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    new Logger('verify-ledger').error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
