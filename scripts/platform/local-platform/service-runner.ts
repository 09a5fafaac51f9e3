import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { ServiceEntry } from '../../../apps/gateway/src/registry';
import { type ServiceProcess, spawnServiceProcess } from '../service-process';

/**
 * One service as its own Node process, started as `npm start` starts it
 * (scripts/platform/service-process.ts), its output appended to its own log
 * file instead of the terminal: a test's output stays readable, and the log
 * of a failing run is still there afterwards.
 */
export function spawnService(service: ServiceEntry, env: NodeJS.ProcessEnv, logFile: string): ServiceProcess {
  const out = openSync(logFile, 'a');
  writeSync(out, `--- ${new Date().toISOString()} starting ${service.name} on :${service.port}\n`);
  try {
    return spawnServiceProcess(service, env, out);
  } finally {
    // The child holds its own copy of the descriptor.
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
