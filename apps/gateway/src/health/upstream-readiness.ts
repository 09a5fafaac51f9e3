import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, PROXY_TARGETS } from '../gateway.tokens';
import type { GatewayConfig } from '../gateway.config';
import type { ProxyTargets } from '../proxy/proxy-decision';

export interface UpstreamStatus {
  name: string;
  url: string;
  ready: boolean;
  /** Why it is not ready: its HTTP status and answer, or the connection error. */
  reason?: string;
}

/** Asks every service of services.json (the gateway excepted) for its own /health/ready, in parallel. */
@Injectable()
export class UpstreamReadiness {
  constructor(
    @Inject(PROXY_TARGETS) private readonly targets: ProxyTargets,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  check(): Promise<UpstreamStatus[]> {
    return Promise.all([...this.targets.services].map(([name, url]) => this.probe(name, url)));
  }

  private async probe(name: string, url: string): Promise<UpstreamStatus> {
    try {
      const response = await fetch(`${url}/health/ready`, {
        signal: AbortSignal.timeout(this.config.READINESS_TIMEOUT_MS),
      });
      if (response.status === 200) {
        await response.body?.cancel();
        return { name, url, ready: true };
      }
      const answer = (await response.text()).slice(0, 500);
      return { name, url, ready: false, reason: `HTTP ${response.status}: ${answer}` };
    } catch (error) {
      return { name, url, ready: false, reason: describeFetchError(error) };
    }
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
