import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

/**
 * Builds the web console (Vite) into `outDir`, apps/console/dist by default,
 * which the gateway serves at `/`. The type check is `npm run lint`'s
 * (`console:build` runs both): `npm start` and the browser specs want the
 * bundle of the sources as they stand, in seconds.
 */
export function buildConsole(outDir?: string): Promise<void> {
  const args = ['build', '--config', 'apps/console/vite.config.mts', '--logLevel', 'error', ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'vite'), args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the console did not build (vite exited ${code}):\n${errors.slice(-4_000)}`))));
  });
}
