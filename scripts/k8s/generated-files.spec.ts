import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from '../platform/repo-root';
import { generatedFiles } from './generated-files';

describe('k8s/ files generated from services.json', () => {
  const files = generatedFiles(loadServiceRegistry());

  it.each(files.map(({ file, text }) => [file, text] as const))('%s is what services.json implies (regenerate with npm run k8s:generate)', (file, text) => {
    const path = join(REPO_ROOT, file);
    expect({ file, exists: existsSync(path) }).toEqual({ file, exists: true });
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('has one file for each service of services.json', () => {
    for (const service of loadServiceRegistry()) expect(files.map((f) => f.file)).toContain(`k8s/${service.name}.yaml`);
  });
});
