import { ERROR_CODES, type ErrorDetail } from '@app/contracts';
import type { UpstreamStatus } from './upstream-readiness';

type Check = { status: 'up'; url: string } | { status: 'down'; url: string; error: string };

export interface GatewayReadiness {
  ready: boolean;
  body: {
    status: 'ready' | 'not_ready';
    checks: Record<string, Check>;
    error?: { code: string; message: string; details: ErrorDetail[] };
  };
}

/**
 * The body every service's /health/ready answers (service-kit's readiness),
 * with the services behind the gateway as the dependencies.
 */
export function readinessReport(statuses: UpstreamStatus[]): GatewayReadiness {
  const checks: Record<string, Check> = Object.fromEntries(
    statuses.map((s) => [
      s.name,
      s.ready ? { status: 'up', url: s.url } : { status: 'down', url: s.url, error: s.reason ?? 'not ready' },
    ]),
  );
  const down = statuses.filter((s) => !s.ready);
  if (down.length === 0) return { ready: true, body: { status: 'ready', checks } };
  const details: ErrorDetail[] = down.map((s) => ({
    code: ERROR_CODES.dependencyUnavailable,
    message: `${s.name}: ${s.reason ?? 'not ready'}`,
    service: s.name,
  }));
  const message = `Not ready: ${down.map((s) => s.name).join(', ')} not ready`;
  return {
    ready: false,
    body: { status: 'not_ready', checks, error: { code: ERROR_CODES.dependencyUnavailable, message, details } },
  };
}
