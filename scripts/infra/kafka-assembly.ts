import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type KafkaSettings, SLF4J_BINDING } from './kafka-settings';

// Pinned so Maven uses the plugin already in ~/.m2 instead of its 2.8 default.
const COPY_DEPENDENCIES = 'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies';
const COMPLETE_MARKER = '.complete';

function dependency(coordinates: string): string {
  const [groupId, artifactId, version] = coordinates.split(':');
  return `<dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;
}

function pom(settings: KafkaSettings): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.connected-health</groupId>
  <artifactId>kafka-broker</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    ${dependency(`org.apache.kafka:kafka_2.13:${settings.version}`)}
    ${dependency(SLF4J_BINDING)}
  </dependencies>
</project>
`;
}

export const kafkaJarsPresent = (settings: KafkaSettings): boolean =>
  existsSync(join(settings.libsDir, COMPLETE_MARKER));

/**
 * Resolves the broker and its runtime dependencies from Maven Central into the
 * cache (outside the repo). Copies into a scratch folder renamed at the end, so
 * an interrupted download is never mistaken for a complete one.
 */
export function ensureKafkaJars(settings: KafkaSettings, log: (line: string) => void): void {
  if (kafkaJarsPresent(settings)) return;
  mkdirSync(settings.homeDir, { recursive: true });
  const pomFile = join(settings.homeDir, 'pom.xml');
  writeFileSync(pomFile, pom(settings));
  const scratch = `${settings.libsDir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  log(`Resolving Apache Kafka ${settings.version} jars with Maven into ${settings.libsDir}`);
  execFileSync(
    'mvn',
    ['-q', '-B', '--no-transfer-progress', '-Dstyle.color=never', '-f', pomFile, COPY_DEPENDENCIES, `-DoutputDirectory=${scratch}`, '-DincludeScope=runtime'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  writeFileSync(join(scratch, COMPLETE_MARKER), new Date().toISOString());
  rmSync(settings.libsDir, { recursive: true, force: true });
  renameSync(scratch, settings.libsDir);
}
