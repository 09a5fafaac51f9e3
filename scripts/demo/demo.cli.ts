/*
 * npm run demo [-- --gateway <url>] [--state <file>] [--fresh]
 *
 * Plays the platform's whole workflow against a running platform (`npm start`),
 * one line per step with its actor. The billed month must be over on the
 * platform's clock, which a running platform cannot have moved: the first run
 * ends by printing the exact restart (`CLOCK_OFFSET=... npm start`) and saves
 * its ids; the second run continues from them, bills, approves, pays, then
 * downloads the prescription's liability dossier, verifies it offline and
 * prints who decided what, when, as which party.
 * Exit 0 when done or waiting for the restart, 1 when something failed, 2 on bad usage.
 */
import { parisDate } from '@app/fr-health';
import { GatewayClient, UnexpectedStatusError } from '../workflow';
import { clockOffsetToReach, describeShift } from './clock-offset';
import { castOf, freshIdentities } from './demo-actors';
import type { DemoContext } from './demo-context';
import { DEMO_USAGE, DemoUsageError, parseDemoOptions, type DemoOptions } from './demo-options';
import { readDemoState, writeDemoState, type DemoIdentities, type DemoState } from './demo-state';
import { dossierFinale } from './dossier-finale';
import { Narrator } from './narration';
import { runPartOne } from './part-one';
import { DemoStateGone, runPartTwo } from './part-two';
import { DemoStop, ensurePlatformReady } from './platform-check';
import { platformShiftMs } from './platform-clock';
import { demoCommandOf, restartInstructions } from './restart-instructions';

const say = (line = '') => process.stdout.write(`${line}\n`);

function contextFor(options: DemoOptions, identities: DemoIdentities): DemoContext {
  return {
    client: new GatewayClient(options.gatewayUrl),
    options,
    narrator: new Narrator(Object.values(castOf(identities)), say),
    env: process.env,
    realNow: () => new Date(),
    demoCommand: demoCommandOf(process.argv.slice(2)),
    timeoutMs: Number(process.env.DEMO_TIMEOUT_MS) || 30_000,
  };
}

/** The saved demo waiting for its second run, or why none is continued. */
function savedDemo(options: DemoOptions): DemoState | undefined {
  if (options.fresh) return undefined;
  const saved = readDemoState(options.statePath);
  if (!saved) return undefined;
  if ('problem' in saved) {
    say(`The saved state ${options.statePath} cannot be used (${saved.problem}): starting a new demo.`);
    return undefined;
  }
  if (saved.state.gatewayUrl !== options.gatewayUrl) {
    say(`The saved demo ran against ${saved.state.gatewayUrl}, not ${options.gatewayUrl}: starting a new demo.`);
    return undefined;
  }
  if (saved.state.phase === 'DONE') {
    say(`The saved demo (started ${saved.state.startedAt}) is finished${saved.state.dossierDir ? `, its dossier in ${saved.state.dossierDir}` : ''}: starting a new one.`);
    return undefined;
  }
  return saved.state;
}

async function firstRun(options: DemoOptions): Promise<number> {
  const { identities, nir } = freshIdentities(process.env);
  const ctx = contextFor(options, identities);
  const state = await runPartOne(ctx, identities, nir);
  const { plan } = state;
  const offset = clockOffsetToReach(new Date(plan.target), ctx.realNow());
  writeDemoState(options.statePath, { ...state, requestedOffset: offset?.text ?? null });
  ctx.narrator.section('The month to bill');
  ctx.narrator.say(
    `The monitoring started on ${parisDate(new Date(state.activatedAt))} (Paris): ${plan.period} holds ${plan.billableDays} days of it from ${plan.firstBillableDay} (at least 10 are needed), so the demo bills ${plan.period}.`,
  );
  ctx.narrator.say(`The platform's clock (shift ${describeShift(platformShiftMs(state.activatedAt, ctx.realNow()))}) must be past ${plan.periodEnd}, the end of ${plan.period} in Paris.`);
  ctx.narrator.say();
  for (const line of restartInstructions({ plan, platformDay: { day: parisDate(new Date(state.activatedAt)), atLeast: false }, offset, statePath: options.statePath, demoCommand: ctx.demoCommand })) ctx.narrator.say(line);
  return 0;
}

async function secondRun(options: DemoOptions, state: DemoState): Promise<number> {
  const ctx = contextFor(options, state.identities);
  ctx.narrator.say(`Continuing the demo started ${state.startedAt} (state ${options.statePath}):`);
  ctx.narrator.say(`  prescription ${state.prescriptionId}, enrolment ${state.enrolmentId}, billed month ${state.plan.period}`);
  const done = await runPartTwo(ctx, state);
  if (done === 'WAITING') return 0;
  const { dir, ok } = await dossierFinale(ctx, done.wf, state);
  writeDemoState(options.statePath, { ...state, phase: 'DONE', dossierDir: dir });
  ctx.narrator.say();
  ctx.narrator.say(ok ? 'The demo is complete. `npm run demo` again starts a new one.' : 'The dossier did NOT verify: see above.');
  return ok ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  let options: DemoOptions;
  try {
    const parsed = parseDemoOptions(argv, process.env);
    if (parsed === 'help') {
      say(DEMO_USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (!(error instanceof DemoUsageError)) throw error;
    process.stderr.write(`demo: ${error.message}\n${DEMO_USAGE}\n`);
    return 2;
  }
  try {
    say(`Connected-health demo against ${options.gatewayUrl}`);
    await ensurePlatformReady(options.gatewayUrl, say);
    const state = savedDemo(options);
    if (state) {
      try {
        return await secondRun(options, state);
      } catch (error) {
        if (!(error instanceof DemoStateGone)) throw error;
        say(`${error.message} (was its database reset?): starting a new demo.`);
      }
    }
    return await firstRun(options);
  } catch (error) {
    if (error instanceof DemoStop) {
      say(error.message);
    } else if (error instanceof UnexpectedStatusError) {
      say(`The platform answered what the demo did not expect: ${error.message}`);
    } else if ((error as { cause?: { code?: string } })?.cause?.code === 'ECONNREFUSED') {
      say(`The platform stopped answering at ${options.gatewayUrl}: is \`npm start\` still running? Start it again, then \`npm run demo\` continues where it stopped.`);
    } else {
      say(`The demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
