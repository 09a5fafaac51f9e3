import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// No holder keeps the lock this long (a first Maven download takes about a
// minute), so an older lock is one whose pid was recycled after a crash.
const STALE_AFTER_MS = 10 * 60_000;

function holderAlive(lockDir: string): boolean {
  try {
    if (Date.now() - statSync(lockDir).mtimeMs > STALE_AFTER_MS) return false;
    const pid = Number(readFileSync(join(lockDir, 'owner'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tryAcquire(lockDir: string): boolean {
  try {
    mkdirSync(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeFileSync(join(lockDir, 'owner'), String(process.pid));
  return true;
}

/**
 * Cross-process mutual exclusion (mkdir is atomic), so two test runs or a test
 * and `npm run kafka:start` never start two brokers on the same data. A lock
 * left by a dead process is taken over.
 */
export async function withFileLock<T>(lockDir: string, work: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!tryAcquire(lockDir)) {
    // Give a fresh holder time to write its pid before judging it dead.
    await sleep(250);
    if (!holderAlive(lockDir)) rmSync(lockDir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`Timed out waiting for lock ${lockDir}`);
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
