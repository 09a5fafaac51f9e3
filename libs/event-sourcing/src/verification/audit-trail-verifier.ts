import type { ChainedAuditEntry } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import type { EventStore } from '../store/event-store';
import { FIND_EMPTIED_CHAIN, READ_AUDIT_HEAD, READ_AUDIT_PAGE, READ_STREAM_AUDIT } from './audit.sql';
import { type ChainHead, type StreamChainVerification, checkStreamChain } from './stream-chain.check';

export type TrailVerification =
  | { ok: true; streams: number; entries: number }
  | Extract<StreamChainVerification, { ok: false }>;

interface AuditRow {
  stream_id: string;
  seq: number;
  entry: AuditEntry;
  hash: string;
}

interface HeadRow {
  stream_id: string;
  audit_head_hash: string | null;
  head_seq: number;
}

interface StreamChain {
  streamId: string;
  chain: ChainedAuditEntry[];
  head: ChainHead;
}

const toHead = (row: HeadRow | undefined): ChainHead => ({ hash: row?.audit_head_hash ?? null, seq: row?.head_seq ?? 0 });

/** Reads the service-local audit chains and checks them with the audit lib's pure verification. */
export class AuditTrailVerifier {
  constructor(
    private readonly store: EventStore,
    private readonly pageSize = 1000,
  ) {}

  async verifyStream(streamId: string): Promise<StreamChainVerification> {
    const rows = await this.store.query<AuditRow>(READ_STREAM_AUDIT, [streamId]);
    const [head] = await this.store.query<HeadRow>(READ_AUDIT_HEAD, [streamId]);
    return checkStreamChain(streamId, rows.map(({ entry, hash }) => ({ entry, hash })), toHead(head));
  }

  /** Every chain of the schema; stops at the first broken one. */
  async verifyAll(): Promise<TrailVerification> {
    let streams = 0;
    let entries = 0;
    for await (const { streamId, chain, head } of this.chains()) {
      const result = checkStreamChain(streamId, chain, head);
      if (!result.ok) return result;
      streams += 1;
      entries += result.entries;
    }
    const [emptied] = await this.store.query<HeadRow>(FIND_EMPTIED_CHAIN, []);
    if (emptied) {
      const result = checkStreamChain(emptied.stream_id, [], toHead(emptied));
      if (!result.ok) return result;
    }
    return { ok: true, streams, entries };
  }

  /** One stream's chain at a time, paging through audit_entries in (stream_id, seq) order. */
  private async *chains(): AsyncGenerator<StreamChain> {
    let current: StreamChain | null = null;
    let cursor: [string, number] = ['', 0];
    for (;;) {
      const page = await this.store.query<AuditRow & HeadRow>(READ_AUDIT_PAGE, [...cursor, this.pageSize]);
      for (const row of page) {
        if (current && current.streamId !== row.stream_id) {
          yield current;
          current = null;
        }
        current ??= { streamId: row.stream_id, chain: [], head: toHead(row) };
        current.chain.push({ entry: row.entry, hash: row.hash });
      }
      if (page.length < this.pageSize) break;
      cursor = [page[page.length - 1].stream_id, page[page.length - 1].seq];
    }
    if (current) yield current;
  }
}
