import type { ServiceProcess } from '../service-process';
import { probeReady } from '../wait-ready';

const POLL_MS = 150;

/**
 * Polls every service's /health/ready in parallel, briskly, until all answer
 * 200; fails at once, with its output, when one exits, and after the timeout
 * naming those not ready and their last answer.
 */
export async function waitForServices(
  processes: readonly ServiceProcess[],
  urlOf: (service: string) => string,
  timeoutMs: number,
  logsOf: (service: string) => string,
): Promise<void> {
  const pending = new Map(processes.map((p) => [p.service.name, { proc: p, detail: 'not probed yet' }]));
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0) {
    await Promise.all(
      [...pending].map(async ([name, entry]) => {
        if (entry.proc.hasExited()) {
          const { code, signal } = await entry.proc.exited;
          throw new Error(`${name} exited while starting (${signal ?? `code ${code}`}):\n${logsOf(name).slice(-4_000)}`);
        }
        const probe = await probeReady(urlOf(name), 1_000);
        if (probe.ready) pending.delete(name);
        else entry.detail = probe.detail;
      }),
    );
    if (pending.size === 0) return;
    if (Date.now() > deadline) {
      const lines = [...pending].map(([name, p]) => `  ${name}: ${p.detail}`);
      throw new Error(`not ready after ${Math.round(timeoutMs / 1000)} s:\n${lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
