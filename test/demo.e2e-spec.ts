import { verifyDossier, type LiabilityDossier } from '@app/audit';
import { freePort } from '@app/testing';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDemoState, type DemoState } from '../scripts/demo/demo-state';
import { LocalPlatform } from '../scripts/platform/local-platform';
import { HOME_COVERAGE_JUSTIFICATION } from '../scripts/workflow';

const ROOT = resolve(__dirname, '..');
const RUN_BOUND_MS = 180_000;

interface DemoRun {
  code: number | null;
  output: string;
}

/**
 * `npm run demo` as a reader runs it (the node command of its package.json
 * script), in a child process with nothing but the gateway's URL and where
 * to keep its state; killed if it outlives its bound.
 */
function runDemo(env: Record<string, string>, args: string[] = []): Promise<DemoRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-r', './scripts/local-node-env.ts', 'scripts/demo/demo.cli.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the demo ran longer than ${RUN_BOUND_MS} ms; its output:\n${output}`));
    }, RUN_BOUND_MS);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

/** The output's line that matches, or a failure that shows the whole output. */
function lineOf(run: DemoRun, pattern: RegExp): string {
  const line = run.output.split('\n').find((candidate) => pattern.test(candidate));
  if (!line) throw new Error(`no line matches ${pattern} in the demo's output:\n${run.output}`);
  return line;
}

describe('npm run demo, against a platform of its own (every service its own process, LocalPlatform)', () => {
  let platform: LocalPlatform;
  let dir: string;
  let env: Record<string, string>;
  let offset: string;
  const state = (): DemoState => {
    const parsed = parseDemoState(readFileSync(join(dir, 'state.json'), 'utf8'));
    if (!('state' in parsed)) throw new Error(`the saved state is unusable: ${parsed.problem}`);
    return parsed.state;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-e2e-'));
    platform = await LocalPlatform.start();
    env = { GATEWAY_URL: platform.gatewayUrl, DEMO_STATE_FILE: join(dir, 'state.json') };
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('says to run `npm start` when no platform answers', async () => {
    const run = await runDemo({ GATEWAY_URL: `http://127.0.0.1:${await freePort()}`, DEMO_STATE_FILE: join(dir, 'nowhere.json') });
    expect(run.code).toBe(1);
    expect(lineOf(run, /^The platform does not answer at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\.$/)).toBeTruthy();
    expect(lineOf(run, /^Start it in another terminal with `npm start`/)).toBeTruthy();
    expect(existsSync(join(dir, 'nowhere.json'))).toBe(false);
  }, RUN_BOUND_MS);

  it('plays the first part on the running clock, then asks for the restart with the exact CLOCK_OFFSET', async () => {
    const run = await runDemo(env);
    expect({ code: run.code, output: run.output }).toEqual({ code: 0, output: expect.any(String) });
    // One line per step, each with its actor and the platform's answer.
    lineOf(run, /^\[vendor +Cardio SAS +\] registers device "CardioLink HF" .* -> 201 DRAFT$/);
    lineOf(run, /^\[vendor +Cardio SAS +\] submits it for certification -> 200 SUBMITTED$/);
    lineOf(run, /^\[evaluator Certif Santé +\] certifies it for heart failure, LPP code 1612544, .* -> 200 CERTIFIED$/);
    lineOf(run, /^\[physician cardiologist \d{11} *\] prescribes it .*overriding HOME_COVERAGE with a justification -> 201 ISSUED \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\)$/);
    expect(lineOf(run, /WARN HOME_COVERAGE; justification: /).endsWith(`WARN HOME_COVERAGE; justification: "${HOME_COVERAGE_JUSTIFICATION}"`)).toBe(true);
    lineOf(run, /^\[platform {2}enrolment service +\] creates the enrolment .* -> PENDING_CONSENT \(after \d+\.\d s\)$/);
    lineOf(run, /^\[patient {3}patient [0-9a-f]{8}… +\] gives consent electronically .* -> 200 PENDING_ACTIVATION$/);
    lineOf(run, /^\[platform {2}enrolment service +\] asks the AMO .* -> rights OPEN/);
    lineOf(run, /^\[operator {2}TéléCardio Services +\] assigns the device serial SN-DEMO-\w+ to the patient -> 200 PENDING_ACTIVATION$/);
    lineOf(run, /^\[operator {2}TéléCardio Services +\] activates the remote monitoring -> 200 ACTIVE at /);
    lineOf(run, /^\[operator {2}TéléCardio Services +\] reports the device's first transmission .* -> 202 accepted 1$/);
    const saved = state();
    expect(saved).toMatchObject({ phase: 'AWAITING_CLOCK', gatewayUrl: platform.gatewayUrl, plan: { billableDays: expect.any(Number) } });
    expect(saved.plan.billableDays).toBeGreaterThanOrEqual(10);
    lineOf(run, new RegExp(`^Waiting for: the platform's clock past ${saved.plan.period} `));
    offset = /^ {2}2\. start it again: +CLOCK_OFFSET=(\+\d+[dh]) npm start$/m.exec(run.output)?.[1] ?? '';
    expect(offset).toMatch(/^\+\d+[dh]$/);
    // The offset counts from the real time and lands past the billed month's end, before its billing grace is over.
    const landing = Date.now() + offsetMs(offset);
    expect(landing).toBeGreaterThan(Date.parse(saved.plan.periodEnd));
    expect(landing).toBeLessThan(Date.parse(saved.plan.periodEnd) + 24 * 3_600_000);
  }, RUN_BOUND_MS);

  it('run again on the same clock, it says what it waits for and keeps the saved demo', async () => {
    const before = state();
    const run = await runDemo(env);
    expect(run.code).toBe(0);
    lineOf(run, new RegExp(`^Continuing the demo started ${before.startedAt.replace(/\./g, '\\.')} `));
    lineOf(run, /reads the platform's clock from the enrolment's observance .* -> \d{4}-\d{2}-\d{2} in Paris$/);
    lineOf(run, new RegExp(`^ {2}2\\. start it again: +CLOCK_OFFSET=\\+\\d+[dh] npm start$`));
    expect(run.output).not.toContain('registers device');
    expect(state()).toEqual(before);
  }, RUN_BOUND_MS);

  it('after the restart with that offset, bills, approves, pays, and ends with the dossier verified and its parties', async () => {
    await platform.restartAll({ CLOCK_OFFSET: offset });
    const saved = state();
    const run = await runDemo(env);
    expect({ code: run.code, output: run.output }).toEqual({ code: 0, output: expect.stringContaining('The demo is complete.') });
    const read = /reads the platform's clock .* -> (\d{4}-\d{2}-\d{2}) in Paris$/m.exec(run.output)?.[1];
    expect(read! > saved.plan.lastDay).toBe(true);
    lineOf(run, /^\[operator {2}TéléCardio Services +\] reports what the device sent since the activation, uploaded late: .* -> 202 accepted \d+$/);
    lineOf(run, /^\[operator {2}TéléCardio Services +\] reports a connectivity incident: .* cause NETWORK_COVERAGE -> 201: responsible party physician$/);
    lineOf(run, new RegExp(`^\\[admin     platform admin +\\] starts the billing run of ${saved.plan.period} -> 202 QUEUED$`));
    lineOf(run, /^\[platform {2}claims service +\] bills the month: \d+ enrolment\(s\) seen, [1-9]\d* claimed -> COMPLETED/);
    lineOf(run, new RegExp(`^\\[platform  claims service +\\] submits claim .* to the AMO \\(simulated\\): ${saved.plan.billableDays} billable days, .* -> SUBMITTED`));
    lineOf(run, /OPERATOR line TVB: 2800 cents \(28\.00 EUR\) to TéléCardio Services$/);
    lineOf(run, /TECHNICAL line 1612544: \d+ cents \(\d+\.\d\d EUR\) to Cardio SAS$/);
    lineOf(run, /^\[processor CPAM claims unit +\] approves claim .* -> 200 APPROVED$/);
    lineOf(run, /^\[platform {2}claims service +\] pays the approved lines .* -> PAID reference \S+ at /);
    lineOf(run, /^\[operator {2}TéléCardio Services +\] reads its remittance advice \S+ -> 2800 cents \(28\.00 EUR\) for this claim/);
    lineOf(run, /^\[vendor {4}Cardio SAS +\] reads its remittance advice \S+ -> \d+ cents/);
    lineOf(run, /^\[operator {2}TéléCardio Services +\] finds the payment in its notifications -> Claim \S+ for \d{4}-\d{2} was paid: 28\.00 EUR to you, reference \S+\.$/);
    lineOf(run, new RegExp(`^\\[physician cardiologist \\d{11} *\\] downloads the dossier of prescription ${saved.prescriptionId} -> 200: \\d+ entries`));
    lineOf(run, /^Verified offline \(libs\/audit verifyDossier\): \d+ entries in \d+ streams, every inclusion proof .*, every seal, every chain from its genesis\.$/);
    lineOf(run, /^Seals checked against the ledger's signer registry, fetched apart from the dossier: /);
    lineOf(run, /^Free texts: 1 disclosed and checked against their commitments/);

    // The summary: who decided what, when, as which party.
    const summary = run.output.split('\n').filter((line) => /^ {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z {2}/.test(line));
    const row = (party: string, actor: RegExp, step: string) => summary.find((line) => new RegExp(`Z {2}${party} +`).test(line) && actor.test(line) && line.includes(` ${step} `));
    expect({
      registered: row('vendor', /Cardio SAS \(vendor\)/, 'device.registered'),
      certified: row('evaluator', /Certif Santé \(evaluator\)/, 'device.certified'),
      issued: row('physician', /cardiologist \d{11} \(physician\)/, 'prescription.issued'),
      consent: row('patient', /\(patient\)/, 'enrolment.consent_recorded'),
      activated: row('operator', /TéléCardio Services \(operator\)/, 'enrolment.activated'),
      coverageIncident: row('physician', /TéléCardio Services \(operator\)/, 'enrolment.incident_opened'),
      adjudicated: row('claims_processor', /CPAM claims unit \(claims_processor\)/, 'claim.adjudicated'),
      paid: row('system', /system:/, 'claim.paid'),
    }).toEqual({
      registered: expect.any(String),
      certified: expect.any(String),
      issued: expect.any(String),
      consent: expect.any(String),
      activated: expect.any(String),
      coverageIncident: expect.any(String),
      adjudicated: expect.any(String),
      paid: expect.any(String),
    });
    // The justification, disclosed to the prescriber and checked against the entry's commitment.
    expect(lineOf(run, /\/evidence\/overrides\/0\/justification: /).trim()).toBe(`/evidence/overrides/0/justification: "${HOME_COVERAGE_JUSTIFICATION}"`);
    lineOf(run, /^\[auditor {3}ledger auditor +\] fetches the ledger's public key and signer registry, apart from the dossier -> 200: tree head key [0-9a-f]{16}…, \d+ service signer\(s\)$/);
    const parties = /^Parties: (.*)\.$/m.exec(run.output)?.[1].split(', ') ?? [];
    expect(parties.sort()).toEqual(['claims_processor', 'evaluator', 'operator', 'patient', 'physician', 'system', 'vendor']);

    // What it saved verifies offline here too, and the saved state says the demo is done.
    const done = state();
    expect(done).toMatchObject({ phase: 'DONE', dossierDir: expect.any(String) });
    const dossier = JSON.parse(readFileSync(join(done.dossierDir!, 'dossier.json'), 'utf8')) as LiabilityDossier;
    const signers = JSON.parse(readFileSync(join(done.dossierDir!, 'signers.json'), 'utf8')).items;
    expect(verifyDossier(dossier, readFileSync(join(done.dossierDir!, 'key.pem'), 'utf8'), { signers })).toMatchObject({ ok: true, failures: [] });
    expect(dossier.prescriptionId).toBe(saved.prescriptionId);
    lineOf(run, new RegExp(`^ {2}npm run verify-dossier -- ${done.dossierDir!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/dossier\\.json --public-key `));
  }, RUN_BOUND_MS + 180_000);
});

/** What the printed CLOCK_OFFSET adds to the real time. */
function offsetMs(text: string): number {
  const [, amount, unit] = /^\+(\d+)([dh])$/.exec(text)!;
  return Number(amount) * (unit === 'd' ? 86_400_000 : 3_600_000);
}
