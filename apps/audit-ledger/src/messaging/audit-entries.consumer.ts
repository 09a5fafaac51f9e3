import { canonicalJson } from '@app/audit';
import { AUDIT_ENTRIES_V1, type AuditEntriesV1, type PublishedEnvelope } from '@app/contracts';
import { IdempotentConsumerFactory, InvalidMessageError } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LedgerAppendLoop } from '../append/ledger-append.loop';
import { LEDGER_OPTIONS, type AuditLedgerOptions } from '../audit-ledger.options';
import { entryShapeProblem } from '../domain/entry-shape.check';
import { stagePending, type StagedEntry } from '../store/pending.store';

/**
 * Stages every AuditEntryRecorded of audit.entries.v1 for the writer, once
 * (inbox + unique entry id). The entry is kept as its RFC 8785 text: the exact
 * leaf bytes. Only an entry the ledger cannot index is refused (to the
 * dead-letter topic, after the consumer's retries); a broken chain is the
 * writer's finding, not a refusal.
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
        contract: AUDIT_ENTRIES_V1,
        topic: this.options.topic,
        hooks: { settled: (outcome) => outcome === 'processed' && this.appendLoop.wake() },
      })
      // Entries come in bursts (every step of every service): a run of them is staged in one statement.
      .onMany('AuditEntryRecorded', async (envelopes, { manager }) => {
        await stagePending(manager, envelopes.map(stagedEntryOf));
      });
  }
}

/**
 * What arrives is checked, not trusted (anyone on the network may have
 * written it): an entry the ledger cannot index refuses the whole call, which
 * the consumer then handles entry by entry, so only that one is dead-lettered.
 */
function stagedEntryOf(envelope: PublishedEnvelope<AuditEntriesV1, 'AuditEntryRecorded'>): StagedEntry {
  const { entry, hash } = envelope.data ?? {};
  const problem = entryShapeProblem(entry, envelope.streamId);
  if (problem || !entry) throw new InvalidMessageError(`AuditEntryRecorded ${envelope.id} cannot be a ledger leaf: ${problem}`);
  return { entryId: entry.id, streamId: envelope.streamId, entryJcs: canonicalJson(entry), chainHash: String(hash ?? '') };
}
