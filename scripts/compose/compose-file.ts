import { Document, isMap, isScalar } from 'yaml';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { appService } from './compose-apps';
import { keyFilesOf, keysVolumeOf } from './compose-keys';
import type { ComposeService } from './compose-model';
import { kafka, kafkaUsers, postgres, redis } from './compose-infra';
import { databasePasswords, kafkaSetup, migrate, signingKeys } from './compose-one-shots';

const HEADER = ` GENERATED from services.json by scripts/compose/compose-file.ts (npm run compose:generate): do not edit.
 A test (scripts/compose/compose-file.spec.ts) fails when this file and services.json disagree,
 and validates it against the compose specification's JSON schema.

 The platform in containers, for a machine with Docker (the same stack as \`npm start\`):
   docker compose up --build        then  http://localhost:3000/docs
 Postgres 15, Redis 7 (append-only: BullMQ jobs survive a restart), Kafka 3.9 (KRaft,
 SASL/SCRAM-SHA-512, ACLs: a principal per service), then one-shots in order (migrate,
 database-passwords, kafka-users, kafka-setup, signing-keys), then every service of
 services.json from the one image of the Dockerfile (APP picks the app). Only the gateway
 is published (port 3000); every service answers /health/ready to its healthcheck.

 DEVELOPMENT ONLY. Every secret is a compose variable with a public development default
 (VARIABLE:-default): the defaults say dev-only, or are the services' own development keys,
 which NODE_ENV=production refuses.
 Override any of them in a .env file beside this one (never committed); passwords must
 be URL-safe (they go into DATABASE_URL), with no dollar sign, comma or bracket. The audit signing
 keys are made on the first up (signing-keys) and kept in volumes. Start afresh with
 \`docker compose down -v\`.`;

/** Every container of the platform, infrastructure first, in start order. */
export function composeServices(services: readonly ServiceEntry[]): Record<string, ComposeService> {
  const reserved = new Set(['postgres', 'redis', 'kafka', 'kafka-users', 'kafka-setup', 'migrate', 'database-passwords', 'signing-keys']);
  const clash = services.find((service) => reserved.has(service.name));
  if (clash) throw new Error(`services.json: ${clash.name} is the name of a container of docker-compose.yml`);
  return {
    postgres: postgres(),
    redis: redis(),
    kafka: kafka(),
    'kafka-users': kafkaUsers(services),
    'kafka-setup': kafkaSetup(),
    migrate: migrate(),
    'database-passwords': databasePasswords(services),
    'signing-keys': signingKeys(services),
    ...Object.fromEntries(services.map((service) => [service.name, appService(service, services)])),
  };
}

export function composeVolumes(services: readonly ServiceEntry[]): string[] {
  return [
    'postgres-data',
    'redis-data',
    'kafka-data',
    'signing-keys-store',
    ...services.filter((service) => Object.keys(keyFilesOf(service)).length > 0).map((service) => keysVolumeOf(service.name)),
    'ledger-dev-key',
  ];
}

/** docker-compose.yml, from services.json. */
export function composeFileYaml(services: readonly ServiceEntry[]): string {
  const containers = composeServices(services);
  const comments = new Map(Object.entries(containers).map(([name, container]) => [name, container.comment]));
  const body = Object.fromEntries(Object.entries(containers).map(([name, { comment: _comment, ...container }]) => [name, container]));
  const doc = new Document(
    {
      services: body,
      // Named volumes with the engine's defaults.
      volumes: Object.fromEntries(composeVolumes(services).map((volume) => [volume, null])),
    },
    // YAML 1.1 quoting (`restart: "no"`, `"yes"`): Debian's docker-compose 1.29 reads YAML 1.1,
    // where a bare no is false; and no anchors, each service reads whole.
    { version: '1.1', aliasDuplicateObjects: false },
  );
  doc.commentBefore = HEADER;
  const servicesNode = doc.get('services', true);
  if (!isMap(servicesNode)) throw new Error('services is not a map');
  for (const pair of servicesNode.items) {
    const comment = isScalar(pair.key) ? comments.get(String(pair.key.value)) : undefined;
    if (comment && isScalar(pair.key)) pair.key.commentBefore = ` ${comment}`;
  }
  return doc.toString({ lineWidth: 0, nullStr: '' });
}
