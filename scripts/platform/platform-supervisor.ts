import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { makePrefix } from './prefixed-output';
import { type ServiceProcess, startServiceProcess, stopServiceProcess } from './service-process';

const STOP_GRACE_MS = 15_000;

/**
 * Owns the service processes of `npm start`: starts them, notices one dying,
 * and stops all of them exactly once (then runs the caller's cleanup, e.g.
 * stopping the Kafka broker it started).
 */
export class PlatformSupervisor {
  private readonly processes: ServiceProcess[] = [];
  private stopping: Promise<never> | undefined;
  readonly childDied = new AbortController();

  constructor(
    private readonly log: (line: string) => void,
    private readonly cleanup: () => Promise<void>,
  ) {}

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** `environments`: each service's own environment (see service-env.ts). */
  startAll(services: ServiceEntry[], environments: ReadonlyMap<string, NodeJS.ProcessEnv>): void {
    const width = Math.max(...services.map((s) => s.name.length));
    services.forEach((service, index) => {
      const prefix = makePrefix(service.name, index, width, Boolean(process.stdout.isTTY));
      const proc = startServiceProcess(service, prefix, environments.get(service.name) ?? {});
      this.processes.push(proc);
      void proc.exited.then(({ code, signal }) => {
        if (this.isStopping) return;
        this.log(`${service.name} exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`}): stopping everything`);
        this.childDied.abort();
        void this.stopAll(1);
      });
    });
  }

  /** Idempotent: a second call waits for the first stop. */
  stopAll(exitCode: number): Promise<never> {
    this.stopping ??= this.stopEverything(exitCode);
    return this.stopping;
  }

  /** Last resort when the supervisor itself is exiting: nothing may outlive it. */
  killAll(): void {
    for (const proc of this.processes) if (!proc.hasExited()) proc.child.kill('SIGKILL');
  }

  private async stopEverything(exitCode: number): Promise<never> {
    const running = this.processes.filter((p) => !p.hasExited());
    if (running.length > 0) this.log(`stopping ${running.map((p) => p.service.name).join(', ')}`);
    await Promise.all(running.map((p) => stopServiceProcess(p, STOP_GRACE_MS)));
    try {
      await this.cleanup();
    } catch (error) {
      this.log(`cleanup failed: ${(error as Error).message}`);
      exitCode = exitCode || 1;
    }
    this.log(exitCode === 0 ? 'stopped' : `stopped (exit code ${exitCode})`);
    process.exit(exitCode);
  }
}
