import { isKafkaUp, startKafka, stopKafka } from './kafka';
import { ADMIN_PRINCIPAL, readBrokerCredentials } from './broker-credentials';
import { kafkaSettings } from './kafka-settings';

const commands: Record<string, () => Promise<void>> = {
  start: startKafka,
  stop: stopKafka,
  /** `mechanism:username:password` of the admin principal, for operators' tools (API.md "Operating the local platform"). */
  async credentials() {
    const s = kafkaSettings();
    const credentials = readBrokerCredentials(s);
    if (!credentials) throw new Error(`no credentials for the broker on ${s.host}:${s.port} yet: start it first (npm run kafka:start)`);
    console.log(`scram-sha-512:${ADMIN_PRINCIPAL}:${credentials.admin}`);
  },
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
    console.error('usage: kafka-cli.ts start|stop|status|credentials');
    process.exit(2);
  }
  await command();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
