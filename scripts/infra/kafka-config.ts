import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PRINCIPAL, type BrokerCredentials, CONTROLLER_PRINCIPAL, scramUsers, writeBrokerCredentials } from './broker-credentials';
import { newClusterId } from './cluster-id';
import { type KafkaSettings } from './kafka-settings';

const SCRAM = 'org.apache.kafka.common.security.scram.ScramLoginModule';
const PLAIN = 'org.apache.kafka.common.security.plain.PlainLoginModule';

/**
 * Clients authenticate with SASL/SCRAM-SHA-512 and the StandardAuthorizer
 * lets each principal do only what its ACLs allow (no ACL = refused, no
 * anonymous access). The controller listener cannot use SCRAM (its
 * credentials live in the metadata it serves), so it uses SASL PLAIN with a
 * static JAAS user; a PLAINTEXT controller listener would make the broker's
 * own registration arrive as User:ANONYMOUS, which the authorizer refuses.
 */
export function serverProperties(s: KafkaSettings, credentials: BrokerCredentials): string {
  return `# Written by scripts/infra/kafka-config.ts on every start.
process.roles=broker,controller
node.id=1
listeners=SASL_PLAINTEXT://${s.host}:${s.port},CONTROLLER://${s.host}:${s.controllerPort}
advertised.listeners=SASL_PLAINTEXT://${s.host}:${s.port}
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.voters=1@${s.host}:${s.controllerPort}
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${SCRAM} required username="${ADMIN_PRINCIPAL}" password="${credentials.admin}";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=${PLAIN} required username="${CONTROLLER_PRINCIPAL}" password="${credentials.controller}" user_${CONTROLLER_PRINCIPAL}="${credentials.controller}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:${ADMIN_PRINCIPAL};User:${CONTROLLER_PRINCIPAL}
log.dirs=${s.dataDir}
num.partitions=3
auto.create.topics.enable=false
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

/** The admin's client settings for Kafka's Java tools (`--command-config`). */
export const adminClientProperties = (credentials: BrokerCredentials): string =>
  `security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=${SCRAM} required username="${ADMIN_PRINCIPAL}" password="${credentials.admin}";
`;

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

/** The broker's and the admin's files; those holding secrets are readable by their owner only. */
export function writeKafkaConfig(s: KafkaSettings, credentials: BrokerCredentials): void {
  mkdirSync(s.logsDir, { recursive: true });
  mkdirSync(s.dataDir, { recursive: true });
  writeFileSync(s.serverProperties, serverProperties(s, credentials), { mode: 0o600 });
  writeFileSync(s.adminProperties, adminClientProperties(credentials), { mode: 0o600 });
  // An older instance wrote server.properties readable by all, when it held no secret.
  chmodSync(s.serverProperties, 0o600);
  writeFileSync(s.log4jProperties, log4jProperties(s));
}

export const kafkaClasspath = (s: KafkaSettings): string => join(s.libsDir, '*');

export const log4jOption = (s: KafkaSettings): string => `-Dlog4j.configuration=file:${s.log4jProperties}`;

/**
 * Formats KRaft storage once, with the SCRAM credentials of the admin and of
 * every service known now (KRaft keeps them in its metadata, written at
 * format time). Skipped when already formatted so a stop/start keeps topics
 * and data (the outage tests rely on it). An instance formatted before the
 * broker authenticated clients (marked `formatted`) is formatted again, once:
 * its metadata holds no credentials and no ACLs.
 */
export function formatStorageOnce(s: KafkaSettings, credentials: BrokerCredentials, log: (line: string) => void): void {
  if (existsSync(s.formattedMarker) && existsSync(join(s.dataDir, 'meta.properties'))) return;
  if (existsSync(s.plaintextFormattedMarker)) {
    log(`Re-formatting ${s.dataDir} once: it was formatted before the broker authenticated clients (its topics and messages are dropped)`);
  }
  // Whatever is there was not formatted with these credentials: start from empty storage.
  rmSync(s.dataDir, { recursive: true, force: true });
  mkdirSync(s.dataDir, { recursive: true });
  const clusterId = newClusterId();
  log(`Formatting Kafka storage in ${s.dataDir} (cluster ${clusterId}) with SCRAM credentials for ${scramUsers(credentials).map((u) => u.name).join(', ')}`);
  const scram = scramUsers(credentials).flatMap(({ name, password }) => ['--add-scram', `SCRAM-SHA-512=[name=${name},password=${password}]`]);
  execFileSync(
    'java',
    [log4jOption(s), '-cp', kafkaClasspath(s), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', s.serverProperties, ...scram],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  writeBrokerCredentials(s, { ...credentials, onBroker: scramUsers(credentials).map((u) => u.name) });
  rmSync(s.plaintextFormattedMarker, { force: true });
  writeFileSync(s.formattedMarker, `${clusterId}\n`);
}

/**
 * Adds the SCRAM credential of each service added to services.json after the
 * broker was formatted, through Kafka's own ConfigCommand as the admin (one
 * JVM, about two seconds, only when a service is new). kafkajs 2.2.4 cannot
 * alter SCRAM credentials.
 */
export function addNewScramUsers(s: KafkaSettings, credentials: BrokerCredentials, log: (line: string) => void): BrokerCredentials {
  const missing = scramUsers(credentials).filter((user) => !credentials.onBroker.includes(user.name));
  if (missing.length === 0) return credentials;
  let updated = credentials;
  for (const { name, password } of missing) {
    log(`Adding the SCRAM credential of ${name} (new since the broker was formatted)`);
    execFileSync(
      'java',
      [
        log4jOption(s), '-cp', kafkaClasspath(s), 'kafka.admin.ConfigCommand',
        '--bootstrap-server', `${s.host}:${s.port}`, '--command-config', s.adminProperties,
        '--alter', '--entity-type', 'users', '--entity-name', name,
        '--add-config', `SCRAM-SHA-512=[iterations=4096,password=${password}]`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    updated = { ...updated, onBroker: [...updated.onBroker, name] };
    writeBrokerCredentials(s, updated);
  }
  return updated;
}
