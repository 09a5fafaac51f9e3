import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newClusterId } from './cluster-id';
import { type KafkaSettings } from './kafka-settings';

export function serverProperties(s: KafkaSettings): string {
  return `# Written by scripts/infra/kafka-config.ts on every start.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://${s.host}:${s.port},CONTROLLER://${s.host}:${s.controllerPort}
advertised.listeners=PLAINTEXT://${s.host}:${s.port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.voters=1@${s.host}:${s.controllerPort}
log.dirs=${s.dataDir}
num.partitions=3
auto.create.topics.enable=true
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=168
`;
}

export function log4jProperties(s: KafkaSettings): string {
  return `log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${join(s.logsDir, 'server.log')}
log4j.appender.file.MaxFileSize=10MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
`;
}

export function writeKafkaConfig(s: KafkaSettings): void {
  mkdirSync(s.logsDir, { recursive: true });
  mkdirSync(s.dataDir, { recursive: true });
  writeFileSync(s.serverProperties, serverProperties(s));
  writeFileSync(s.log4jProperties, log4jProperties(s));
}

export const kafkaClasspath = (s: KafkaSettings): string => join(s.libsDir, '*');

export const log4jOption = (s: KafkaSettings): string => `-Dlog4j.configuration=file:${s.log4jProperties}`;

/**
 * Formats KRaft storage once. Skipped when already formatted so a stop/start
 * keeps topics and data (the outage tests rely on it).
 */
export function formatStorageOnce(s: KafkaSettings, log: (line: string) => void): void {
  if (existsSync(s.formattedMarker) && existsSync(join(s.dataDir, 'meta.properties'))) return;
  const clusterId = newClusterId();
  log(`Formatting Kafka storage in ${s.dataDir} (cluster ${clusterId})`);
  execFileSync(
    'java',
    [log4jOption(s), '-cp', kafkaClasspath(s), 'kafka.tools.StorageTool', 'format', '--ignore-formatted', '-t', clusterId, '-c', s.serverProperties],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  writeFileSync(s.formattedMarker, `${clusterId}\n`);
}
