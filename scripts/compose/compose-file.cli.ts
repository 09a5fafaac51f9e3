/** `npm run compose:generate`: writes docker-compose.yml from services.json. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from '../platform/repo-root';
import { composeFileYaml } from './compose-file';

const file = join(REPO_ROOT, 'docker-compose.yml');
writeFileSync(file, composeFileYaml(loadServiceRegistry()));
console.log(`wrote ${file}`);
