/**
 * `npm run k8s:generate`: writes the k8s/ files that follow from services.json
 * (each service's manifests, the network policies, the Kafka cluster, its users
 * and topics). Run it after changing services.json, and commit the result.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from '../platform/repo-root';
import { generatedFiles } from './generated-files';

for (const { file, text } of generatedFiles(loadServiceRegistry())) {
  writeFileSync(join(REPO_ROOT, file), text);
  console.log(`[k8s] wrote ${file}`);
}
