import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ServiceEntry } from '../../../apps/gateway/src/registry';
import { adminConnection } from '../../infra/admin-connection';
import { withFileLock } from '../../infra/file-lock';
import { runningBrokerPid } from '../../infra/kafka-process';
import { migrateServices } from '../migrate-services';
import { createPlatformTopics } from '../platform-topics';
import { serviceEnvironments } from '../service-env';
import { type ServiceProcess, stopServiceProcess } from '../service-process';
import { clockOffsetMs } from './clock-offset';
import { waitForKafkaSettled } from './kafka-settled';
import { PlatformBroker } from './platform-broker';
import { createPlatformDatabase, dropPlatformDatabase, type PlatformDatabase } from './platform-database';
import { hostEnvironment, platformContributors } from './platform-environment';
import { assignPorts, freeBrokerPort, type PlatformServices } from './platform-ports';
import { waitForServices } from './readiness';
import { RedisLease } from './redis-lease';
import { readLog, spawnService } from './service-runner';

export interface LocalPlatformOptions {
  /** Added to every service's environment (e.g. CLOCK_OFFSET, RATE_LIMIT_PER_MINUTE, BILLING_GRACE_HOURS). */
  env?: Record<string, string>;
  /** Per service additions/overrides, by services.json name. */
  serviceEnv?: Record<string, Record<string, string>>;
  /** Services connect to Postgres on this port of 127.0.0.1 (a TCP proxy of the fault tests); migrations go direct. */
  servicesDatabasePort?: number;
  /** REDIS_URL of every service (default: a database of the machine's redis://127.0.0.1:6379 leased for this platform). */
  redisUrl?: string;
  /** Where each service's output goes (default: $LOCAL_PLATFORM_LOG_DIR/<platform>, kept, else a temp dir removed at stop; never the test's stdout). */
  logDir?: string;
  /** How long start/restart wait for readiness (default 180 s). */
  readyTimeoutMs?: number;
}

/** Waits for every promise, then throws the first failure. */
async function settleAll(work: ReadonlyArray<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

const STOP_GRACE_MS = 10_000;
// Roles are cluster-wide: two platforms creating `prescription` at once would collide.
const ROLES_LOCK = join(tmpdir(), 'connected-health-local-platform', 'roles.lock');

/**
 * The whole platform on this machine, as `npm start` runs it (every service its
 * own Node process, topics and ACLs created first, each service with its own
 * database role, Kafka principal and signing key), but isolated so that
 * several can run at once: its own Kafka broker on a free port, its own fresh
 * Postgres database (dropped at stop), its own Redis database number, free
 * ports for every service, its own config directory for the dev signing keys.
 */
export class LocalPlatform {
  readonly gatewayUrl: string;
  readonly databaseUrl: string;
  readonly kafkaBrokers: string;
  readonly redisUrl: string;
  readonly logDir: string;
  /** Milliseconds each phase of start() took (for reports; performance is measured by the benches). */
  readonly timings: Record<string, number> = {};

  private readonly processes = new Map<string, ServiceProcess>();
  /** Processes this platform was asked to stop or kill: any other exit is a crash, reported as it happens. */
  private readonly stopping = new WeakSet<ServiceProcess>();
  private readonly extraEnv = new Map<string, Record<string, string>>();
  private platformEnv: Record<string, string>;
  private stopped = false;
  private readonly killOnExit = (): void => this.killEverythingNow();

  private constructor(
    private readonly options: LocalPlatformOptions,
    private readonly ports: PlatformServices,
    private readonly database: PlatformDatabase,
    private readonly broker: PlatformBroker,
    private readonly redis: { url: string; lease?: RedisLease },
    private readonly workDir: string,
    logDir: string,
  ) {
    this.gatewayUrl = this.url('gateway');
    this.databaseUrl = database.adminUrl;
    this.kafkaBrokers = broker.brokers;
    this.redisUrl = redis.url;
    this.logDir = logDir;
    this.platformEnv = { RATE_LIMIT_PER_MINUTE: '1000000', ...options.env };
    process.once('exit', this.killOnExit);
  }

  static async start(options: LocalPlatformOptions = {}): Promise<LocalPlatform> {
    const began = Date.now();
    const workDir = mkdtempSync(join(tmpdir(), 'local-platform-'));
    // LOCAL_PLATFORM_LOG_DIR keeps every platform's logs (one dir each) after stop(), e.g. for a CI run's artefacts.
    const keptLogs = process.env.LOCAL_PLATFORM_LOG_DIR ? join(process.env.LOCAL_PLATFORM_LOG_DIR, basename(workDir)) : undefined;
    const logDir = options.logDir ?? keptLogs ?? join(workDir, 'logs');
    mkdirSync(logDir, { recursive: true });
    // The broker's pair first: the services' ports must differ from both of its ports.
    const brokerPort = await freeBrokerPort();
    const [ports, database, lease] = await Promise.all([
      assignPorts(join(workDir, 'config'), [brokerPort, brokerPort + 1]),
      createPlatformDatabase(),
      options.redisUrl ? Promise.resolve(undefined) : RedisLease.acquire(),
    ]);
    const redis = { url: options.redisUrl ?? lease!.url, lease };
    const platform = new LocalPlatform(options, ports, database, new PlatformBroker(brokerPort), redis, workDir, logDir);
    try {
      await platform.prepare(began);
      await platform.startServices(platform.ports.services);
      platform.timings.total = Date.now() - began;
      platform.log(`up in ${platform.timings.total} ms: ${JSON.stringify(platform.timings)}`);
      return platform;
    } catch (error) {
      const logs = platform.ports.services.map((s) => `--- ${s.name}\n${readLog(platform.logFile(s.name), 3_000)}`).join('\n');
      await platform.stop().catch(() => undefined);
      throw new Error(`LocalPlatform did not start: ${(error as Error).message}\n${logs}`);
    }
  }

  /** The platform's clock now: the real time shifted by its current CLOCK_OFFSET (API.md "Time"). */
  now(): Date {
    return new Date(Date.now() + clockOffsetMs(this.platformEnv.CLOCK_OFFSET));
  }

  /** Direct URL of a service (not through the gateway). */
  url(service: string): string {
    return `http://127.0.0.1:${this.entry(service).port}`;
  }

  /** Default SIGKILL; resolves once the process has exited. */
  async kill(service: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const proc = this.processes.get(service);
    if (!proc || proc.hasExited()) return;
    this.stopping.add(proc);
    proc.child.kill(signal);
    await proc.exited;
  }

  /** Starts the service again (stopping it first if it runs), with `env` merged into its own; waits until ready. */
  async restart(service: string, env: Record<string, string> = {}): Promise<void> {
    const entry = this.entry(service);
    const running = this.processes.get(service);
    if (running && !running.hasExited()) await this.stopProcess(running);
    this.extraEnv.set(service, { ...this.extraEnv.get(service), ...env });
    await this.startServices([entry]);
  }

  /** Stops every service (SIGTERM), then starts all with `env` merged into the platform's; waits until all are ready. */
  async restartAll(env: Record<string, string> = {}): Promise<void> {
    const at = Date.now();
    await this.stopServices();
    this.timings.lastStopAll = Date.now() - at;
    this.platformEnv = { ...this.platformEnv, ...env };
    await this.startServices(this.ports.services);
  }

  /** Its own broker only; topics and messages are kept for startBroker(). */
  async stopBroker(): Promise<void> {
    await this.broker.stop();
  }

  async startBroker(): Promise<void> {
    await this.broker.start();
  }

  /**
   * Until every service's Kafka consumers have applied everything published
   * so far, and nothing more is being published (see kafka-settled.ts): what
   * a test waits for before acting on another service's view.
   */
  async settled(options: { timeoutMs?: number } = {}): Promise<void> {
    await waitForKafkaSettled(this.broker.settings, this.ports.services, options);
  }

  /** The service's output so far (the end of it), for failure messages. */
  logs(service: string): string {
    this.entry(service);
    return readLog(this.logFile(service));
  }

  /** Services, its broker and its data, its database, its Redis lease, its temp files (logs kept only when logDir was given). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Every step runs even when an earlier one fails (the first failure is thrown at the end): nothing may be left behind.
    const first = await Promise.allSettled([this.stopServices(), this.broker.destroy()]);
    const second = await Promise.allSettled([dropPlatformDatabase(this.database), this.redis.lease?.release() ?? Promise.resolve()]);
    process.removeListener('exit', this.killOnExit);
    rmSync(this.workDir, { recursive: true, force: true });
    const failed = [...first, ...second].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Services of services.json with this platform's ports. */
  get services(): readonly ServiceEntry[] {
    return this.ports.services;
  }

  private async prepare(began: number): Promise<void> {
    const phase = async (name: string, work: () => Promise<void>): Promise<void> => {
      const at = Date.now();
      await work();
      this.timings[name] = Date.now() - at;
    };
    this.timings.allocate = Date.now() - began;
    // Settled, not raced: a failed migration must not leave the broker half started under stop().
    await settleAll([
      phase('broker', () => this.broker.start()),
      phase('migrations', () =>
        withFileLock(ROLES_LOCK, () =>
          migrateServices(this.ports.services, (line) => this.log(line), undefined, { NODE_ENV: 'development', DATABASE_URL: this.database.adminUrl }),
        ),
      ),
    ]);
    await phase('topics', () => createPlatformTopics(this.ports.services, adminConnection(this.broker.settings), (line) => this.log(line)));
  }

  private async startServices(services: readonly ServiceEntry[]): Promise<void> {
    const at = Date.now();
    const environments = await serviceEnvironments(this.ports.services, this.baseEnv(), this.contributors());
    const started = services.map((service) => {
      const env = { ...environments.get(service.name), ...this.options.serviceEnv?.[service.name], ...this.extraEnv.get(service.name) };
      const proc = spawnService(service, env, this.logFile(service.name));
      this.processes.set(service.name, proc);
      void proc.exited.then((status) => this.reportCrash(service.name, proc, status));
      return proc;
    });
    await waitForServices(started, (name) => this.url(name), this.options.readyTimeoutMs ?? 180_000, (name) => this.logs(name));
    this.timings[this.timings.services === undefined ? 'services' : 'lastRestart'] = Date.now() - at;
  }

  private async stopServices(): Promise<void> {
    await Promise.all([...this.processes.values()].map((proc) => this.stopProcess(proc)));
  }

  private async stopProcess(proc: ServiceProcess): Promise<void> {
    this.stopping.add(proc);
    await stopServiceProcess(proc, STOP_GRACE_MS);
  }

  /**
   * A service that exits on its own is a crash: said at once on stderr, with
   * the end of its log, so that the failure it causes (a refused connection,
   * a socket closed mid-answer) is read with its cause, in CI too.
   */
  private reportCrash(name: string, proc: ServiceProcess, status: { code: number | null; signal: NodeJS.Signals | null }): void {
    if (this.stopping.has(proc) || this.stopped) return;
    const line = `${name} exited unexpectedly (${status.signal ?? `code ${status.code}`})`;
    this.log(line);
    console.error(`[local-platform] ${line}; the end of its log:\n${readLog(this.logFile(name), 4_000)}`);
  }

  private baseEnv(): NodeJS.ProcessEnv {
    return {
      ...hostEnvironment(),
      NODE_ENV: 'development',
      SERVICES_FILE: this.ports.servicesFile,
      ...this.ports.urls,
      KAFKA_BROKERS: this.broker.brokers,
      REDIS_URL: this.redis.url,
      XDG_CONFIG_HOME: join(this.workDir, 'config'),
      ...this.platformEnv,
    };
  }

  private contributors() {
    const servicesDatabaseUrl = new URL(this.database.adminUrl);
    if (this.options.servicesDatabasePort !== undefined) servicesDatabaseUrl.port = String(this.options.servicesDatabasePort);
    return platformContributors({
      servicesDatabaseUrl: servicesDatabaseUrl.toString(),
      broker: this.broker.settings,
      signingEnv: { XDG_CONFIG_HOME: join(this.workDir, 'config'), CLOCK_OFFSET: this.platformEnv.CLOCK_OFFSET },
    });
  }

  private entry(service: string): ServiceEntry {
    const entry = this.ports.services.find((s) => s.name === service);
    if (!entry) throw new Error(`no service ${service} in services.json (${this.ports.services.map((s) => s.name).join(', ')})`);
    return entry;
  }

  private logFile(service: string): string {
    return join(this.logDir, `${service}.log`);
  }

  private log(line: string): void {
    appendFileSync(join(this.logDir, 'platform.log'), `${new Date().toISOString()} ${line}\n`);
  }

  /** The test process is exiting without stop(): nothing of ours may outlive it. */
  private killEverythingNow(): void {
    for (const proc of this.processes.values()) if (!proc.hasExited()) proc.child.kill('SIGKILL');
    const pid = runningBrokerPid(this.broker.settings);
    if (pid !== null) process.kill(pid, 'SIGKILL');
  }
}
