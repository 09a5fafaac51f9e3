import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface JestOutcome {
  exitCode: number;
  passed: number;
  failed: number;
  skipped: number;
}

interface JestJsonSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
}

function readSummary(file: string): Omit<JestOutcome, 'exitCode'> {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const summary = JSON.parse(readFileSync(file, 'utf8')) as JestJsonSummary;
  return {
    passed: summary.numPassedTests,
    // A suite that fails to load has no failed test but must still count.
    failed: summary.numFailedTests + summary.numRuntimeErrorTestSuites,
    skipped: summary.numPendingTests + summary.numTodoTests,
  };
}

/** Runs Jest with inherited stdio; the JSON result file only feeds the closing count. */
export function runJest(args: string[]): Promise<JestOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'jest-run-'));
  const resultFile = join(dir, 'result.json');
  const jestBin = require.resolve('jest/bin/jest');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [jestBin, ...args, '--json', `--outputFile=${resultFile}`], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const outcome = { exitCode: code ?? (signal ? 1 : 0), ...readSummary(resultFile) };
      rmSync(dir, { recursive: true, force: true });
      resolve(outcome);
    });
  });
}
