import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BillingPlan } from './billing-plan';

/** Who plays each part, enough to mint the same tokens again (tokens live at most 12 hours; a restart may take longer). */
export interface DemoIdentities {
  vendor: { sub: string; org: string; name: string };
  evaluator: { sub: string; org: string; name: string };
  physician: { sub: string; rpps: string; specialty: string };
  operator: { sub: string; org: string; name: string };
  admin: { sub: string };
  processor: { sub: string };
  /** The patient's pseudonym only: the second part needs no patient token, so the NIR is not kept. */
  patient: { pseudonym: string };
}

/**
 * What the first part of the demo leaves for the second, saved under
 * ~/.cache/connected-health (ids and identities, no personal data in clear).
 */
export interface DemoState {
  version: 1;
  gatewayUrl: string;
  /** Real time the demo started. */
  startedAt: string;
  /** `AWAITING_CLOCK`: the first part is done, the billed month has not ended on the platform's clock. */
  phase: 'AWAITING_CLOCK' | 'DONE';
  identities: DemoIdentities;
  device: { id: string; name: string; udiDi: string };
  prescriptionId: string;
  enrolmentId: string;
  serialNumber: string;
  /** Platform time of the activation (from the answer). */
  activatedAt: string;
  plan: BillingPlan;
  /** The offset printed when the first part ended. */
  requestedOffset: string | null;
  /** Where the second part saved the dossier, once done. */
  dossierDir?: string;
}

/** `${XDG_CACHE_HOME:-~/.cache}/connected-health/demo-state.json`, or DEMO_STATE_FILE. */
export function defaultStatePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DEMO_STATE_FILE) return env.DEMO_STATE_FILE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'connected-health', 'demo-state.json');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The saved state, or why it cannot be used (a file from another version of
 * the demo, or edited): the demo then starts afresh rather than half-trusting it.
 */
export function parseDemoState(text: string): { state: DemoState } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not JSON' };
  }
  if (!isObject(value) || value.version !== 1) return { problem: 'not a state of this demo (version 1)' };
  const missing = ['gatewayUrl', 'startedAt', 'prescriptionId', 'enrolmentId', 'serialNumber', 'activatedAt'].filter((key) => !isText(value[key]));
  if (value.phase !== 'AWAITING_CLOCK' && value.phase !== 'DONE') missing.push('phase');
  if (!isObject(value.identities) || !isObject(value.identities.physician) || !isObject(value.identities.operator)) missing.push('identities');
  if (!isObject(value.device) || !isText(value.device.id) || !isText(value.device.udiDi)) missing.push('device');
  if (!isObject(value.plan) || !isText(value.plan.period) || !isText(value.plan.lastDay) || !isText(value.plan.target)) missing.push('plan');
  if (missing.length > 0) return { problem: `missing or malformed: ${missing.join(', ')}` };
  return { state: value as unknown as DemoState };
}

/** Reads the state file: undefined when there is none. */
export function readDemoState(path: string): { state: DemoState } | { problem: string } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { problem: `unreadable (${(error as Error).message})` };
  }
  return parseDemoState(text);
}

/** Writes it whole or not at all (a temp file renamed), readable by its owner only. */
export function writeDemoState(path: string, state: DemoState): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}
