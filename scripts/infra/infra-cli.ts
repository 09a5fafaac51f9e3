import { ensureKafka } from './kafka';
import { ensureDatabase, ensurePostgres, ensureRedis } from './postgres-redis';

async function up(): Promise<void> {
  await ensurePostgres();
  await ensureDatabase();
  await ensureRedis();
  const { startedByUs } = await ensureKafka();
  console.log(`[infra] Postgres, Redis and Kafka are up${startedByUs ? ' (Kafka started now)' : ''}`);
}

const commands: Record<string, () => Promise<void>> = { up };

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error('usage: infra-cli.ts up');
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
