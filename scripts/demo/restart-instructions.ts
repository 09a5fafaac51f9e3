import type { BillingPlan } from './billing-plan';
import type { ClockOffset } from './clock-offset';
import type { PlatformDay } from './platform-clock';

export interface RestartContext {
  plan: BillingPlan;
  /** What the running platform's clock reads. */
  platformDay: PlatformDay;
  /** From the real time now; null when a platform started without offset is already late enough. */
  offset: ClockOffset | null;
  statePath: string;
  /** The command that ran the demo (`npm run demo`, with its flags but --fresh), to run it again. */
  demoCommand: string;
}

/** The command the reader runs; the e2e test reads it back from the output. */
export const restartCommand = (offset: ClockOffset | null): string => (offset ? `CLOCK_OFFSET=${offset.text} npm start` : 'npm start');

/** What the demo waits for and exactly how to give it, in the order the reader acts. */
export function restartInstructions({ plan, platformDay, offset, statePath, demoCommand }: RestartContext): string[] {
  const day = `${platformDay.day}${platformDay.atLeast ? ' or later' : ''}`;
  return [
    `Waiting for: the platform's clock past ${plan.period} (its last day in Paris is ${plan.lastDay}; the demo asks for ${plan.target} or later).`,
    `The running platform's clock reads ${day} in Paris: ${plan.period} is not over there yet, so it cannot be billed.`,
    'A running platform\'s clock cannot be moved from outside (API.md "Time"): start it again with its clock moved on.',
    `  1. stop the platform:            Ctrl-C in the terminal of \`npm start\``,
    `  2. start it again:               ${restartCommand(offset)}`,
    `  3. once it says it is up, run:   ${demoCommand}`,
    `The demo's ids are saved in ${statePath}; the second run continues from them (delete that file to start a new demo).`,
  ];
}

/** `npm run demo` with the flags it was given, but --fresh (the next run continues). */
export function demoCommandOf(argv: readonly string[]): string {
  const kept = argv.filter((arg) => arg !== '--fresh');
  return kept.length > 0 ? `npm run demo -- ${kept.join(' ')}` : 'npm run demo';
}
