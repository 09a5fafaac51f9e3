/**
 * `npm run k8s:kafka`: writes k8s/kafka-users.yaml and k8s/kafka-topics.yaml
 * from services.json. Run it after changing a service's topics, and commit both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from '../platform/repo-root';
import { kafkaTopicsYaml, kafkaUsersYaml } from './kafka-manifests';

const services = loadServiceRegistry();
for (const [file, text] of [
  ['k8s/kafka-users.yaml', kafkaUsersYaml(services)],
  ['k8s/kafka-topics.yaml', kafkaTopicsYaml(services)],
] as const) {
  writeFileSync(join(REPO_ROOT, file), text);
  console.log(`[k8s] wrote ${file}`);
}
