import { OutboxSignal } from '@app/messaging';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LEDGER_OPTIONS, type AuditLedgerOptions } from '../audit-ledger.options';
import { LEDGER_SIGNING_KEY, type LedgerSigningKey } from '../signing/ledger-signing-key';
import { LedgerAppender } from './ledger-appender';

/**
 * Drives the writer: woken by the consumer after each staged entry, and
 * polling besides (another replica may have staged it). Runs batches until
 * nothing is left, one at a time in this process; the advisory lock keeps
 * other replicas out. A new tree head follows each batch within the polling
 * interval, well under the second API.md allows.
 */
@Injectable()
export class LedgerAppendLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LedgerAppendLoop.name);
  readonly appender: LedgerAppender;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    dataSource: DataSource,
    @Inject(LEDGER_SIGNING_KEY) key: LedgerSigningKey,
    @Inject(CLOCK) clock: Clock,
    @Inject(LEDGER_OPTIONS) private readonly options: AuditLedgerOptions,
    private readonly outboxSignal: OutboxSignal,
  ) {
    this.appender = new LedgerAppender(dataSource, key, clock, options.batchSize);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.appender.signInitialHead();
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 200);
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const outcome = await this.appender.appendBatch();
        if (outcome.alerts > 0) {
          this.logger.warn(`${outcome.alerts} entr(ies) breaking their stream's chain quarantined and alerted`);
          this.outboxSignal.notify();
        }
        if (outcome.taken === 0 || this.stopped) return;
      }
    } catch (error) {
      // The batch rolled back whole; the next tick retries it.
      this.logger.error(`Ledger append failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
