import { homedir } from 'node:os';
import { join } from 'node:path';

/** Apache Kafka 3.9 line: kafkajs 2.2.4 still speaks its protocol versions (4.x removed old ones). */
export const KAFKA_VERSION = process.env.KAFKA_VERSION ?? '3.9.1';
export const SLF4J_BINDING = 'org.slf4j:slf4j-reload4j:1.7.36';

export interface KafkaSettings {
  version: string;
  host: string;
  port: number;
  /** The KRaft controller listens on the broker port + 1 (9093 for 9092). */
  controllerPort: number;
  brokers: string[];
  /** Shared by every broker instance of this version: the jars. */
  homeDir: string;
  libsDir: string;
  /** One per listener port: config, data, logs and pid file. */
  instanceDir: string;
  dataDir: string;
  logsDir: string;
  pidFile: string;
  /** Written once the storage is formatted with SASL credentials (`formatted` marked a plaintext format). */
  formattedMarker: string;
  plaintextFormattedMarker: string;
  /** The instance's secrets (admin, controller, services), mode 0600. */
  credentialsFile: string;
  /** The admin's client properties for the Java tools (`--command-config`), mode 0600. */
  adminProperties: string;
  serverProperties: string;
  log4jProperties: string;
  processLog: string;
  lockDir: string;
}

export function parseBrokers(raw: string): string[] {
  const brokers = raw.split(',').map((b) => b.trim()).filter(Boolean);
  for (const broker of brokers) {
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(broker)) {
      throw new Error(`KAFKA_BROKERS is malformed: "${raw}" (expected host:port[,host:port])`);
    }
  }
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is empty');
  return brokers;
}

export function kafkaSettings(env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  const brokers = parseBrokers(env.KAFKA_BROKERS ?? '127.0.0.1:9092');
  const [host, portText] = brokers[0].split(':');
  const port = Number(portText);
  const cacheRoot = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const homeDir = join(cacheRoot, 'connected-health', `kafka-${KAFKA_VERSION}`);
  const instanceDir = join(homeDir, `broker-${port}`);
  return {
    version: KAFKA_VERSION,
    host,
    port,
    controllerPort: port + 1,
    brokers,
    homeDir,
    libsDir: join(homeDir, 'libs'),
    instanceDir,
    dataDir: join(instanceDir, 'data'),
    logsDir: join(instanceDir, 'logs'),
    pidFile: join(instanceDir, 'kafka.pid'),
    formattedMarker: join(instanceDir, 'formatted-sasl'),
    plaintextFormattedMarker: join(instanceDir, 'formatted'),
    credentialsFile: join(instanceDir, 'credentials.json'),
    adminProperties: join(instanceDir, 'admin.properties'),
    serverProperties: join(instanceDir, 'server.properties'),
    log4jProperties: join(instanceDir, 'log4j.properties'),
    processLog: join(instanceDir, 'logs', 'kafka.out'),
    lockDir: join(homeDir, `broker-${port}.lock`),
  };
}
