import { ERROR_CODES, type ErrorDetail } from '@app/contracts';
import { type CheckResult, type DependencyCheck, runCheck } from './dependency-check';

export interface ReadinessReport {
  ready: boolean;
  body: {
    status: 'ready' | 'not_ready';
    checks: Record<string, CheckResult>;
    error?: { code: string; message: string; details: ErrorDetail[] };
  };
}

/**
 * Ready = every dependency this service uses answers, and the service is not
 * shutting down (so a load balancer stops sending before connections close).
 */
export class Readiness {
  private shuttingDown = false;

  constructor(
    readonly checks: DependencyCheck[],
    private readonly timeoutMs = 2500,
  ) {}

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(this.checks.map((dependency) => runCheck(dependency, this.timeoutMs)));
    const checks = Object.fromEntries(this.checks.map((dependency, i) => [dependency.name, results[i]]));
    const failed = this.checks.filter((_, i) => results[i].status === 'down').map((dependency) => dependency.name);
    if (failed.length === 0 && !this.shuttingDown) return { ready: true, body: { status: 'ready', checks } };
    const details: ErrorDetail[] = failed.map((name) => ({
      code: ERROR_CODES.dependencyUnavailable,
      message: `${name}: ${(checks[name] as { error: string }).error}`,
      dependency: name,
    }));
    const message = this.shuttingDown ? 'Not ready: shutting down' : `Not ready: ${failed.join(', ')} unavailable`;
    return {
      ready: false,
      body: { status: 'not_ready', checks, error: { code: ERROR_CODES.dependencyUnavailable, message, details } },
    };
  }
}
