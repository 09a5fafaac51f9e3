import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from './repo-root';
import { pipePrefixed } from './prefixed-output';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  service: ServiceEntry;
  child: ChildProcess;
  exited: Promise<ExitStatus>;
  hasExited(): boolean;
}

/**
 * One service in its own Node process, as in production. Detached into its own
 * process group so a terminal Ctrl-C reaches only the supervisor, which then
 * stops the services in order instead of all of them racing.
 */
export function startServiceProcess(service: ServiceEntry, prefix: string, env: NodeJS.ProcessEnv): ServiceProcess {
  const proc = spawnServiceProcess(service, env, 'pipe', (error) => process.stderr.write(`${prefix}could not start: ${error.message}\n`));
  pipePrefixed(proc.child.stdout!, prefix, process.stdout);
  pipePrefixed(proc.child.stderr!, prefix, process.stderr);
  return proc;
}

/**
 * The service's entry run as `npm start` runs it, its exit watched. `output`:
 * 'pipe' for the supervisor's prefixed terminal, or an open file descriptor
 * (LocalPlatform's log file per service).
 */
export function spawnServiceProcess(
  service: ServiceEntry,
  env: NodeJS.ProcessEnv,
  output: 'pipe' | number,
  onError?: (error: Error) => void,
): ServiceProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(REPO_ROOT, service.entry)], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(service.port) },
    stdio: ['ignore', output, output],
    detached: true,
  });
  let done = false;
  const exited = new Promise<ExitStatus>((resolveExit) => {
    child.once('error', (error) => {
      onError?.(error);
      done = true;
      resolveExit({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      done = true;
      resolveExit({ code, signal });
    });
  });
  return { service, child, exited, hasExited: () => done };
}

/** SIGTERM, then SIGKILL if the service has not exited within the grace period. */
export async function stopServiceProcess(proc: ServiceProcess, graceMs: number): Promise<ExitStatus> {
  if (proc.hasExited()) return proc.exited;
  proc.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), graceMs)));
  const first = await Promise.race([proc.exited, timedOut]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  process.stderr.write(`${proc.service.name} did not stop within ${graceMs} ms: killing it\n`);
  proc.child.kill('SIGKILL');
  return proc.exited;
}
