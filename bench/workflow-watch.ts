/**
 * How bench:workflow sees an enrolment become visible at the gateway without
 * loading the platform it measures: ONE list request every `pollMs` for all
 * the flows in flight, whatever the rate, instead of one GET per flow (at
 * 100 flows/s with 200 ms in flight that would be some 1,000 GETs/s, most of
 * the machine: the bench would measure its own polling). Every flow of a
 * level prescribes for an operator org of its own, so the org's list holds
 * only that level's enrolments, oldest first; the watcher reads its tail from
 * a little before what it had seen. An enrolment committed late with an
 * earlier `createdAt` than those read (out of order) shows up as a total
 * larger than what was seen: the watcher then reads further back, twice as
 * far at each tick, until it finds it.
 *
 * A flow is visible at the moment the response that holds it arrived: an
 * upper bound, late by at most pollMs plus one list request.
 */

export interface ListedEnrolment {
  id: string;
  prescriptionId: string;
  createdAt: string;
}

export interface EnrolmentPage {
  items: ListedEnrolment[];
  total: number;
}

/** GET /v1/enrolments?page=&pageSize= as the level's operator (oldest first). */
export type ListEnrolments = (page: number, pageSize: number) => Promise<EnrolmentPage>;

export interface Sighting {
  visibleAt: number;
  enrolment: ListedEnrolment;
}

export interface WatchOptions {
  list: ListEnrolments;
  pollMs: number;
  /** The API's largest page (PAGE_SIZE_MAX is 200); smaller pages carry less JSON a tick. */
  pageSize?: number;
  /** How far behind the last total each tick reads again (out-of-order commits). */
  lookBack?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class EnrolmentWatch {
  private readonly waiting = new Map<string, (sighting: Sighting) => void>();
  private readonly seen = new Map<string, Sighting>();
  private readonly pageSize: number;
  private readonly baseLookBack: number;
  private lookBack: number;
  private total = 0;
  private running: Promise<void> | null = null;
  private stopping = false;
  /** List requests made: the watcher's own load, printed with the results. */
  requests = 0;
  /** How long each list request took (ms): the watch's resolution is its period plus this. */
  readonly requestMs: number[] = [];
  /** Failed list requests (the next tick tries again); the last one's message. */
  failures = 0;
  lastFailure: string | null = null;

  constructor(private readonly options: WatchOptions) {
    // Small pages: a tick normally carries a few new enrolments and `lookBack` seen ones, little JSON for the platform to write.
    this.pageSize = options.pageSize ?? 20;
    this.baseLookBack = options.lookBack ?? 10;
    this.lookBack = this.baseLookBack;
  }

  /** Resolves when the enrolment of `prescriptionId` is first listed. */
  visible(prescriptionId: string): Promise<Sighting> {
    const already = this.seen.get(prescriptionId);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiting.set(prescriptionId, resolve));
  }

  start(): void {
    this.stopping = false;
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = null;
  }

  /** One look at the list's tail (and further back when the total says something was missed). */
  async tick(): Promise<void> {
    const from = Math.max(0, this.total - this.lookBack);
    let page = Math.floor(from / this.pageSize) + 1;
    for (;;) {
      this.requests += 1;
      const asked = (this.options.now ?? Date.now)();
      const answer = await this.options.list(page, this.pageSize);
      const at = (this.options.now ?? Date.now)();
      this.requestMs.push(at - asked);
      for (const enrolment of answer.items) this.sighted(enrolment, at);
      this.total = Math.max(this.total, answer.total);
      if (page * this.pageSize >= answer.total) break;
      page += 1;
    }
    // More enrolments than seen: one committed behind what was read; look twice as far back next time.
    this.lookBack = this.seen.size < this.total ? Math.min(this.total, this.lookBack * 2) : this.baseLookBack;
  }

  private sighted(enrolment: ListedEnrolment, visibleAt: number): void {
    if (this.seen.has(enrolment.prescriptionId)) return;
    const sighting = { visibleAt, enrolment };
    this.seen.set(enrolment.prescriptionId, sighting);
    this.waiting.get(enrolment.prescriptionId)?.(sighting);
    this.waiting.delete(enrolment.prescriptionId);
  }

  private async loop(): Promise<void> {
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    while (!this.stopping) {
      if (this.waiting.size > 0) {
        await this.tick().catch((error: unknown) => {
          this.failures += 1;
          this.lastFailure = error instanceof Error ? error.message : String(error);
        });
      }
      await sleep(this.options.pollMs);
    }
  }
}
