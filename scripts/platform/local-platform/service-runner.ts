import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServiceEntry } from '../../../apps/gateway/src/registry';
import { REPO_ROOT } from '../repo-root';
import type { ServiceProcess } from '../service-process';

/**
 * One service as its own Node process, started as `npm start` starts it
 * (scripts/platform/service-process.ts), its output appended to its own log
 * file instead of the terminal: a test's output stays readable, and the log
 * of a failing run is still there afterwards.
 */
export function spawnService(service: ServiceEntry, env: NodeJS.ProcessEnv, logFile: string): ServiceProcess {
  const out = openSync(logFile, 'a');
  writeSync(out, `--- ${new Date().toISOString()} starting ${service.name} on :${service.port}\n`);
  let done = false;
  try {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(REPO_ROOT, service.entry)], {
      cwd: REPO_ROOT,
      env: { ...env, PORT: String(service.port) },
      stdio: ['ignore', out, out],
      detached: true,
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
      child.once('error', () => {
        done = true;
        resolveExit({ code: null, signal: null });
      });
      child.once('exit', (code, signal) => {
        done = true;
        resolveExit({ code, signal });
      });
    });
    return { service, child, exited, hasExited: () => done };
  } finally {
    closeSync(out);
  }
}

/** The last `maxChars` of a log file ('' when there is none yet). */
export function readLog(logFile: string, maxChars = 200_000): string {
  try {
    const text = readFileSync(logFile, 'utf8');
    return text.length > maxChars ? text.slice(-maxChars) : text;
  } catch {
    return '';
  }
}
