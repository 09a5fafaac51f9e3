import type { GatewayClient } from '../workflow';
import type { DemoOptions } from './demo-options';
import type { Narrator } from './narration';

/** What every part of the demo is given. */
export interface DemoContext {
  client: GatewayClient;
  options: DemoOptions;
  narrator: Narrator;
  env: NodeJS.ProcessEnv;
  /** Real time (CLOCK_OFFSET is counted from it). */
  realNow: () => Date;
  /** To run the demo again, as the reader ran it. */
  demoCommand: string;
  /** Bound of each wait for another service's effect. */
  timeoutMs: number;
}

/** Time one awaited effect: its value and how long it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Integer cents as the demo prints them: `2800 cents (28.00 EUR)`. */
export const money = (cents: number): string => `${cents} cents (${(cents / 100).toFixed(2)} EUR)`;
