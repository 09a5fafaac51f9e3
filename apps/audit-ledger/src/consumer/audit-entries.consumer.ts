import { canonicalBytes } from '@app/audit';
import { TOPICS } from '@app/contracts';
import { AUDIT_ENTRY_RECORDED, type AuditEntryRecordedData } from '@app/event-sourcing';
import { IdempotentConsumerFactory, InvalidMessageError } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LedgerAppendLoop } from '../append/ledger-append.loop';
import { LEDGER_OPTIONS, type AuditLedgerOptions } from '../audit-ledger.options';
import { entryShapeProblem } from '../domain/entry-shape.check';

const STAGE = `
INSERT INTO ledger_pending (entry_id, stream_id, entry_jcs, chain_hash) VALUES ($1, $2, $3, $4)
ON CONFLICT (entry_id) DO NOTHING`;

/**
 * Stages every AuditEntryRecorded for the writer, once (inbox + unique entry
 * id). The entry is kept as its RFC 8785 text: the exact leaf bytes. Only an
 * entry the ledger cannot index is refused (to the dead-letter topic, after
 * the consumer's retries); a broken chain is the writer's finding, not a refusal.
 */
@Injectable()
export class AuditEntriesConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly appendLoop: LedgerAppendLoop,
    @Inject(LEDGER_OPTIONS) private readonly options: AuditLedgerOptions,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({
        purpose: this.options.consumerPurpose ?? 'ledger',
        topics: [this.options.topic ?? TOPICS.auditEntries],
        partitionsConsumedConcurrently: 3,
        hooks: { settled: (outcome) => outcome === 'processed' && this.appendLoop.wake() },
      })
      .on<AuditEntryRecordedData>(AUDIT_ENTRY_RECORDED, async (envelope, { manager }) => {
        const { entry, hash } = envelope.data ?? ({} as AuditEntryRecordedData);
        const problem = entryShapeProblem(entry, envelope.streamId);
        if (problem) throw new InvalidMessageError(`AuditEntryRecorded ${envelope.id} cannot be a ledger leaf: ${problem}`);
        const jcs = canonicalBytes(entry).toString('utf8');
        await manager.query(STAGE, [entry.id, envelope.streamId, jcs, String(hash ?? '')]);
      });
  }
}
