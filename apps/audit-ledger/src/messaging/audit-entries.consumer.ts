import { AUDIT_ENTRIES_V1, type AuditEntriesV1, type PublishedEnvelope } from '@app/contracts';
import { IdempotentConsumerFactory, type HandlerContext } from '@app/messaging';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { LedgerAppendLoop } from '../append/ledger-append.loop';
import { LEDGER_OPTIONS, type AuditLedgerOptions } from '../audit-ledger.options';
import { admitEntry } from '../domain/entry-admission';
import { claimsOf, quarantineRecord, type QuarantineRecord } from '../domain/quarantine';
import { stagePending, type StagedEntry } from '../store/pending.store';
import { recordQuarantine } from '../store/quarantine.store';
import { LEDGER_DB, type Queryable } from '../store/queryable';
import { SignerRegistry } from '../signers/signer-registry';

type Recorded = PublishedEnvelope<AuditEntriesV1, 'AuditEntryRecorded'>;

/**
 * Stages for the writer every AuditEntryRecorded of audit.entries.v1 whose
 * shape is whole and whose seal verifies under a key of its own service
 * (inbox + unique entry id: once). Anything else anyone on the network wrote
 * there is quarantined with its reason and raised on audit.alerts.v1, in the
 * same transaction; it never stops the consumer, so the next good entry
 * goes through at once. The writer checks the chain.
 */
@Injectable()
export class AuditEntriesConsumer implements OnModuleInit {
  private readonly logger = new Logger(AuditEntriesConsumer.name);

  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly appendLoop: LedgerAppendLoop,
    private readonly registry: SignerRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LEDGER_DB) private readonly db: Queryable,
    @Inject(LEDGER_OPTIONS) private readonly options: AuditLedgerOptions,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({
        purpose: this.options.consumerPurpose ?? 'ledger',
        contract: AUDIT_ENTRIES_V1,
        topic: this.options.topic,
        hooks: {
          settled: (outcome) => outcome === 'processed' && this.appendLoop.wake(),
          // Not JSON, no envelope (1 MB of junk): quarantined too, then dead-lettered by the consumer.
          unreadable: (message, error) => this.quarantineUnreadable(message, error),
        },
      })
      // Entries come in bursts (every step of every service): a run of them is staged in one statement.
      .onMany('AuditEntryRecorded', (envelopes, context) => this.admit(envelopes, context));
  }

  private async admit(envelopes: Recorded[], context: HandlerContext): Promise<void> {
    const signers = await this.registry.signers();
    const staged: StagedEntry[] = [];
    const refused: QuarantineRecord[] = [];
    envelopes.forEach((envelope, i) => {
      const place = { topic: context.topic, partition: context.partition, offset: context.messages?.[i]?.offset ?? context.offset };
      const admission = admitEntry(envelope.data, envelope.streamId, signers);
      if (admission.ok) {
        staged.push({ ...admission.entry, place });
        return;
      }
      const raw = context.messages?.[i]?.value ?? new TextEncoder().encode(JSON.stringify(envelope));
      refused.push(quarantineRecord({ id: uuidv7(), ...admission, raw, claims: claimsOf(envelope), place, now: this.clock.now() }));
    });
    await stagePending(context.manager, staged);
    await recordQuarantine(context.manager, refused);
    for (const record of refused) this.logger.warn(`quarantined ${record.topic}/${record.partition}@${record.offset}: ${record.reason} ${record.message}`);
  }

  private async quarantineUnreadable(message: { topic: string; partition: number; offset: string; value: Buffer | null }, error: unknown): Promise<void> {
    const raw = message.value ?? new Uint8Array(0);
    const reason = error instanceof Error ? error.message : String(error);
    const { topic, partition, offset } = message;
    const record = quarantineRecord({ id: uuidv7(), reason: 'UNREADABLE', message: reason, raw, claims: claimsOf(null), place: { topic, partition, offset }, now: this.clock.now() });
    await recordQuarantine(this.db, [record]);
    this.logger.warn(`quarantined ${topic}/${partition}@${offset}: UNREADABLE ${reason}`);
  }
}
