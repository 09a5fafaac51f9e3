import { isKafkaUp, startKafka, stopKafka } from './kafka';
import { kafkaSettings } from './kafka-settings';

const commands: Record<string, () => Promise<void>> = {
  start: startKafka,
  stop: stopKafka,
  async status() {
    const { host, port } = kafkaSettings();
    const up = await isKafkaUp();
    console.log(`[kafka] ${up ? 'up' : 'down'} on ${host}:${port}`);
    process.exitCode = up ? 0 : 1;
  },
};

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const command = commands[name];
  if (!command) {
    console.error('usage: kafka-cli.ts start|stop|status');
    process.exit(2);
  }
  await command();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
