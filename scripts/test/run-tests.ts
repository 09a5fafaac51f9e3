import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { adminConnection } from '../infra/admin-connection';
import { ensureChromium } from '../infra/chromium';
import { ensureKafka, stopKafka } from '../infra/kafka';
import { kafkaSettings } from '../infra/kafka-settings';
import { createPlatformTopics } from '../platform/platform-topics';
import { ensureDatabase, ensurePostgres, ensureRedis } from '../infra/postgres-redis';
import { type JestOutcome, runJest } from './jest-run';

// `npm test`: unit specs, then integration specs against the real Postgres,
// Redis and Kafka. Kafka is stopped afterwards only if this run started it.
let kafkaStartedHere = false;

const section = (title: string) => console.log(`\n=== ${title} ===`);

async function stopKafkaIfOurs(): Promise<void> {
  if (!kafkaStartedHere) return;
  kafkaStartedHere = false;
  section('Stopping the Kafka broker this run started');
  await stopKafka();
}

async function main(): Promise<number> {
  const extraArgs = process.argv.slice(2);
  section('Infrastructure: Postgres, database, Redis, Kafka, Chromium');
  await ensurePostgres();
  await ensureDatabase();
  await ensureRedis();
  // The console's browser specs (test/console) drive Debian's Chromium.
  ensureChromium();
  kafkaStartedHere = (await ensureKafka()).startedByUs;
  // As npm start does: the broker creates no topic on first use, and the services' tests relay to the platform's topics.
  await createPlatformTopics(loadServiceRegistry(), adminConnection(kafkaSettings()), (line) => console.log(line));

  const outcomes: JestOutcome[] = [];
  try {
    section('Unit tests');
    outcomes.push(await runJest(['--selectProjects', 'unit', '--passWithNoTests', ...extraArgs]));
    section('Integration tests (real Postgres, Redis, Kafka)');
    outcomes.push(await runJest(['--selectProjects', 'integration', '--runInBand', '--passWithNoTests', ...extraArgs]));
  } finally {
    await stopKafkaIfOurs();
  }
  const sum = (pick: (o: JestOutcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
  const skipped = sum((o) => o.skipped);
  console.log(`\ntests: ${sum((o) => o.passed)} passed, ${sum((o) => o.failed)} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return outcomes.every((o) => o.exitCode === 0) ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopKafkaIfOurs().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    await stopKafkaIfOurs().catch(() => undefined);
    process.exit(1);
  },
);
