/*
 * npm run bench:ledger
 *
 * For each size: stages N realistic sealed audit entries (1,000 streams, not
 * timed), then times
 *   (a) the single writer appending them (LedgerAppender batches: chain check,
 *       leaf and node hashes, inserts, signed tree head per batch): appends/s;
 *   (b) inclusion proofs served from stored nodes against the final tree head
 *       (random leaves, one at a time, each verified): ms per proof;
 *   (c) full verification (rehash every stored entry, rebuild and compare every
 *       node, rebuild the root, check the signed head): seconds.
 * Env: LEDGER_BENCH_SIZES (default "100000"; "100000,1000000" for 1M, which
 * takes several minutes more), LEDGER_BENCH_BATCH (default 2000),
 * LEDGER_BENCH_PROOFS (default 2000), LEDGER_BENCH_KEEP=1 to keep the schema.
 */
import { canonicalJson, fromHex, generateSigningKey, GENESIS_HASH, verifyInclusion } from '@app/audit';
import { buildAuditEntry } from '@app/event-sourcing';
import { fixedClock, useNativeEd25519 } from '@app/service-kit';
import { createTestDatabase } from '@app/testing';
import { generateKeyPairSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { LedgerAppender } from '../apps/audit-ledger/src/append/ledger-appender';
import { migrations } from '../apps/audit-ledger/src/migrations';
import { signingKeyFrom } from '../apps/audit-ledger/src/signing/ledger-signing-key';
import { inclusionPath } from '../apps/audit-ledger/src/store/proof.store';
import { latestTreeHead } from '../apps/audit-ledger/src/store/tree-head.store';
import { arrayQueryOf } from '../apps/audit-ledger/src/verification/array-query';
import { verifyLedger } from '../apps/audit-ledger/src/verification/ledger-verifier';

const sizes = (process.env.LEDGER_BENCH_SIZES ?? '100000').split(',').map(Number);
const batchSize = Number(process.env.LEDGER_BENCH_BATCH ?? 2_000);
const proofs = Number(process.env.LEDGER_BENCH_PROOFS ?? 2_000);
const STREAMS = 1_000;
/** The staged entries' writer key (the bench stages rows directly: their seals are never checked here). */
useNativeEd25519();
const writerKey = generateSigningKey();
const STAGE = `
INSERT INTO ledger_pending (entry_id, stream_id, entry_jcs, chain_hash)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`;

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function stage(db: import('typeorm').DataSource, size: number): Promise<void> {
  const streams = Array.from({ length: STREAMS }, () => ({ id: uuidv7(), prevHash: GENESIS_HASH, version: 0 }));
  const actor = { id: 'bench-physician', role: 'physician' as const };
  for (let start = 0; start < size; start += 10_000) {
    const rows: string[][] = [[], [], [], []];
    for (let i = start; i < Math.min(start + 10_000, size); i += 1) {
      const stream = streams[i % STREAMS];
      stream.version += 1;
      const { audit: sealed } = buildAuditEntry({
        draft: {
          actor,
          action: 'enrolment.activated',
          subject: `enrolment:${stream.id}`,
          relatedSubjects: [`prescription:${uuidv7()}`, `device:${uuidv7()}`],
          decision: 'ACTIVE',
          evidence: { activatedAt: new Date().toISOString(), serialNumber: `SN-${i}`, udiDi: '03760123450010' },
          rulesVersion: '2026.1',
        },
        id: uuidv7(),
        prevHash: stream.prevHash,
        streamVersion: stream.version,
        service: 'enrolment',
        signingKey: writerKey,
        context: { actor, correlationId: uuidv7(), causationId: null, now: new Date() },
      });
      stream.prevHash = sealed.hash;
      rows[0].push(sealed.entry.id);
      rows[1].push(stream.id);
      rows[2].push(canonicalJson(sealed.entry));
      rows[3].push(sealed.hash);
    }
    await db.query(STAGE, rows);
  }
}

async function run(size: number): Promise<string[]> {
  const db = await createTestDatabase(migrations, 5);
  try {
    const { privateKey } = generateKeyPairSync('ed25519');
    const key = signingKeyFrom(privateKey);
    const appender = new LedgerAppender(db.dataSource, key, fixedClock(new Date()), batchSize);
    let t0 = process.hrtime.bigint();
    await stage(db.dataSource, size);
    const stagedIn = seconds(t0);
    t0 = process.hrtime.bigint();
    let appended = 0;
    for (;;) {
      const outcome = await appender.appendBatch();
      appended += outcome.appended;
      if (outcome.taken === 0) break;
    }
    const appendSeconds = seconds(t0);
    const head = (await latestTreeHead(db.dataSource))!;
    const root = fromHex(head.rootHash);
    const proofMs: number[] = [];
    for (let i = 0; i < proofs; i += 1) {
      const index = Math.floor(Math.random() * size);
      const p0 = process.hrtime.bigint();
      const path = await inclusionPath(db.dataSource, index, size);
      proofMs.push(Number(process.hrtime.bigint() - p0) / 1e6);
      const [row] = await db.dataSource.query(`SELECT hash FROM ledger_nodes WHERE level = 0 AND index = $1`, [index]);
      if (!verifyInclusion(row.hash, index, size, path.map(fromHex), root)) throw new Error(`proof of ${index} does not verify`);
    }
    proofMs.sort((a, b) => a - b);
    t0 = process.hrtime.bigint();
    const verification = await verifyLedger(db.dataSource, arrayQueryOf(db.dataSource), key.publicKey.publicKeyPem);
    const verifySeconds = seconds(t0);
    if (!verification.ok || appended !== size) throw new Error(`verification failed: ${JSON.stringify(verification.firstBreak)}`);
    return [
      String(size),
      stagedIn.toFixed(1),
      (appended / appendSeconds).toFixed(0),
      (proofMs.reduce((a, b) => a + b, 0) / proofMs.length).toFixed(3),
      proofMs[Math.floor(proofMs.length * 0.99)].toFixed(3),
      verifySeconds.toFixed(2),
    ];
  } finally {
    if (process.env.LEDGER_BENCH_KEEP) {
      console.log(`kept schema ${db.schema}`);
      await db.dataSource.destroy();
    } else {
      await db.drop();
    }
  }
}

async function main(): Promise<void> {
  const header = ['entries', 'staging s', 'appends/s', 'proof avg ms', 'proof p99 ms', 'full verify s'];
  const lines: string[][] = [];
  for (const size of sizes) {
    console.log(`running ${size} entries (batch ${batchSize}) ...`);
    lines.push(await run(size));
    console.log(lines[lines.length - 1].join('  '));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log([format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n'));
  console.log('targets: >= 5000 appends/s, < 2 ms per proof at 1M, full verification of 1M < 10 s');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
