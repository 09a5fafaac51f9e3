import type { ServiceEntry } from '../../apps/gateway/src/registry';

export interface ReadinessProbe {
  ready: boolean;
  detail: string;
}

/** One GET of /health/ready; a refused connection is "not listening yet", not an error. */
export async function probeReady(url: string, timeoutMs = 2_000): Promise<ReadinessProbe> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    return { ready: response.status === 200, detail: `HTTP ${response.status}: ${summarise(await response.text())}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ready: false, detail: cause === 'ECONNREFUSED' ? 'not listening yet' : (error as Error).message };
  }
}

/** A service-kit readiness body says what is wrong in `error.message`; anything else is shown as is. */
function summarise(body: string): string {
  try {
    const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: shown raw below
  }
  return body.slice(0, 200);
}

/**
 * Polls every service until all answer 200, or throws naming the ones that do
 * not and their last answer. `abort` stops the wait early (a child died).
 */
export async function waitUntilReady(
  services: ServiceEntry[],
  localUrl: (service: ServiceEntry) => string,
  timeoutMs: number,
  abort: AbortSignal,
): Promise<void> {
  const pending = new Map(services.map((s) => [s.name, { service: s, detail: 'not probed yet' }]));
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0) {
    if (abort.aborted) return;
    for (const [name, entry] of pending) {
      const probe = await probeReady(localUrl(entry.service));
      if (probe.ready) pending.delete(name);
      else entry.detail = probe.detail;
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) {
      const lines = [...pending.values()].map((p) => `  ${p.service.name} (${localUrl(p.service)}): ${p.detail}`);
      throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for readiness of:\n${lines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
