import { v7 as uuidv7 } from 'uuid';
import {
  certifyDevice,
  type Device,
  freshActors,
  type GatewayClient,
  type GatewayResponse,
  registerDevice,
  UnexpectedStatusError,
  pollUntil,
  type Workflow,
} from '../../scripts/workflow';

/**
 * How the fault tests drive the platform: the workflow client (scripts/workflow),
 * and, for the steps taken while something is down, writes sent as a careful
 * client sends them through an outage.
 */

/** A flow of its own (fresh patient, physician, operator...) on the platform's clock (`now`: LocalPlatform.now). */
export function flowOn(client: GatewayClient, now: () => Date): Workflow {
  return { client, actors: freshActors(), now, timeoutMs: 60_000 };
}

/** A device registered by its vendor and certified, ready to be prescribed. */
export async function certifiedDevice(wf: Workflow): Promise<Device> {
  return certifyDevice(wf, await registerDevice(wf));
}

/** Statuses that say "not now" (the gateway cannot reach the service, or a dependency of it is down): retry. */
const TRANSIENT = new Set([502, 503, 504]);

export interface Persisted<T = Record<string, unknown>> {
  response: GatewayResponse<T>;
  /** Attempts it took (1: the first went through). */
  attempts: number;
  /** Statuses seen before the one that went through (0: the connection failed). */
  refusals: number[];
}

/**
 * A write sent until it goes through: one Idempotency-Key for every attempt,
 * so an attempt whose answer was lost (a service killed after its commit) is
 * answered, not done twice; retried on 502/503/504 or a failed connection,
 * at most `timeoutMs`. Any other status than `expect` throws at once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read as API.md describes them
export async function persistently<T = any>(
  client: GatewayClient,
  method: string,
  path: string,
  options: { token: string; body?: unknown; expect: number; timeoutMs?: number },
): Promise<Persisted<T>> {
  const key = uuidv7();
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const refusals: number[] = [];
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await client.call<T>(method, path, {
        token: options.token,
        body: options.body,
        expect: options.expect,
        headers: { 'idempotency-key': key },
        timeoutMs: 10_000,
      });
      return { response, attempts: attempt, refusals };
    } catch (error) {
      const status = error instanceof UnexpectedStatusError ? error.status : isConnectionFailure(error) ? 0 : null;
      if (status === null || (status !== 0 && !TRANSIENT.has(status))) throw error;
      refusals.push(status);
      if (Date.now() > deadline) throw new Error(`${method} ${path} did not go through in ${options.timeoutMs ?? 60_000} ms (${refusals.join(',')})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** fetch's own failures: connection refused or reset, or our timeout. */
function isConnectionFailure(error: unknown): boolean {
  const name = (error as Error)?.name;
  return name === 'TypeError' || name === 'TimeoutError' || name === 'AbortError';
}

/** GET through an outage: 502/503/504 and failed connections are retried, bounded. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read as API.md describes them
export async function persistentGet<T = any>(client: GatewayClient, path: string, token: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return (await client.get<T>(path, { token, timeoutMs: 10_000 })).body;
    } catch (error) {
      const transient = error instanceof UnexpectedStatusError ? TRANSIENT.has(error.status) : isConnectionFailure(error);
      if (!transient || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** `/health/ready` of a URL: its status (0 when nothing answers). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a readiness body, read field by field
export async function readiness(url: string): Promise<{ status: number; body: any }> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: 0, body: undefined };
  }
}

/** The `process_start_time_seconds` of a service's /metrics: a service restarted has a new one. */
export async function processStart(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
  const match = /^process_start_time_seconds(?:\{[^}]*\})? (\S+)$/m.exec(text);
  if (!match) throw new Error(`${url}/metrics has no process_start_time_seconds`);
  return Number(match[1]);
}

/** `prescribe`'s body (scripts/workflow), for a write sent by hand (with an Idempotency-Key, through an outage). */
export function prescriptionBody(wf: Workflow, device: Device): Record<string, unknown> {
  return {
    patient: { nir: wf.actors.patient.nir, birthDate: '1984-03-02', homeCellularCoverage: 'GOOD', ald: true },
    deviceId: device.deviceId,
    indication: 'HEART_FAILURE',
    operatorOrg: wf.actors.operator.org,
    monitoringMode: 'PERIODIC',
    durationMonths: 6,
    clinical: { nyhaClass: 3, hospitalisedForHfWithin12Months: true, ntProBnpPgMl: 1800 },
  };
}

/**
 * Lines where a service answered 500: a fault of a dependency must answer 503
 * (API.md), never 500. Read from each service's log (the exception filter logs
 * every server fault with its status).
 */
export function internalErrors(platform: { services: readonly { name: string }[]; logs(service: string): string }): string[] {
  return platform.services.flatMap(({ name }) =>
    platform
      .logs(name)
      .split('\n')
      .filter((line) => line.includes('Request failed with 500'))
      .map((line) => `${name}: ${line.slice(0, 500)}`),
  );
}

/** A write the load sent that was answered 2xx: the version the answer gave. */
export interface Answered {
  enrolmentId: string;
  step: 'consent' | 'device';
  version: number;
}

export interface Load {
  /** Enrolment writes answered 2xx, in the order of their answers. */
  readonly answered: Answered[];
  /** Prescriptions answered 201. */
  readonly issued: string[];
  /** Attempts refused on the way (502/503/504, 0 for a failed connection), each retried under its key. */
  readonly refusals: number[];
  /** Until `n` writes were answered (bounded); throws at once if a flow failed. */
  answeredAtLeast(n: number, timeoutMs?: number): Promise<void>;
  /** Lets each flow in hand end (their waits are bounded), then throws the first flow's failure, if any. */
  stop(): Promise<void>;
}

/**
 * `workers` clients, each going through flows one after the other until
 * stopped: a prescription, its enrolment, the patient's consent and the
 * device assignment, every write with its Idempotency-Key and retried
 * through an outage (persistently). What the fault tests hold the platform to
 * afterwards: every answered write in effect.
 */
export function startLoad(client: GatewayClient, device: Device, now: () => Date, workers = 3): Load {
  const answered: Answered[] = [];
  const issued: string[] = [];
  const refusals: number[] = [];
  let stopping = false;
  let failure: unknown;

  async function flows(): Promise<void> {
    while (!stopping) {
      const wf = flowOn(client, now);
      const prescription = await persistently(client, 'POST', '/v1/prescriptions', { token: wf.actors.physician.token, body: prescriptionBody(wf, device), expect: 201, timeoutMs: 90_000 });
      refusals.push(...prescription.refusals);
      const prescriptionId = prescription.response.body.id as string;
      issued.push(prescriptionId);
      const enrolment = await pollUntil(
        `the enrolment of ${prescriptionId}`,
        async () => (await persistentGet(client, `/v1/enrolments?prescriptionId=${prescriptionId}`, wf.actors.operator.token, 90_000)).items[0],
        { timeoutMs: 90_000, intervalMs: 200 },
      );
      const steps: Array<[Answered['step'], string, string, unknown]> = [
        ['consent', 'consent', wf.actors.patient.token, { consentTextVersion: 'tlsm-2026.1', method: 'ELECTRONIC', signedAt: new Date(now().getTime() - 60_000).toISOString() }],
        ['device', 'device', wf.actors.operator.token, { serialNumber: `SN-${String(enrolment.id).slice(-12)}`, udiDi: device.udiDi }],
      ];
      for (const [step, action, token, body] of steps) {
        const written = await persistently(client, 'POST', `/v1/enrolments/${enrolment.id}/${action}`, { token, body, expect: 200, timeoutMs: 90_000 });
        refusals.push(...written.refusals);
        answered.push({ enrolmentId: enrolment.id, step, version: written.response.body.version });
      }
    }
  }

  const running = Promise.all(
    Array.from({ length: workers }, () =>
      flows().catch((error: unknown) => {
        failure ??= error;
        stopping = true;
      }),
    ),
  );
  return {
    answered,
    issued,
    refusals,
    async answeredAtLeast(n, timeoutMs = 120_000) {
      await pollUntil(`${n} write(s) of the load answered`, async () => {
        if (failure) throw failure;
        return answered.length >= n;
      }, { timeoutMs, intervalMs: 100 });
    },
    async stop() {
      stopping = true;
      await running;
      if (failure) throw failure;
    },
  };
}
