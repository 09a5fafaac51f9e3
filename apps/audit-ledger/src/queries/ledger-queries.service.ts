import type { LedgerPublicKey, SignedTreeHead } from '@app/audit';
import type { Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { pageWindow, toListResponse } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LedgerErrors } from '../domain/ledger.errors';
import { mayRead } from '../domain/prescriber-access';
import { LEDGER_SIGNING_KEY, type LedgerSigningKey } from '../signing/ledger-signing-key';
import { entriesBySubject, firstEntryOf, type LedgerEntryView } from '../store/entry.store';
import { consistencyPath, inclusionPath } from '../store/proof.store';
import { latestTreeHead, treeHeadPage } from '../store/tree-head.store';

export interface InclusionProofView {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  path: string[];
}

/** The ledger's reads (any replica serves them: they only read committed nodes and heads). */
@Injectable()
export class LedgerQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(LEDGER_SIGNING_KEY) private readonly key: LedgerSigningKey,
  ) {}

  publicKey(): LedgerPublicKey {
    return this.key.publicKey;
  }

  /** The newest signed head (the writer signs the empty tree at start-up, so there is always one). */
  async treeHead(): Promise<SignedTreeHead> {
    const head = await latestTreeHead(this.dataSource);
    if (!head) throw LedgerErrors.badTreeSize('the ledger has not signed a tree head yet');
    return head;
  }

  async treeHeads(page: number, pageSize: number): Promise<ListResponse<SignedTreeHead>> {
    const { items, total } = await treeHeadPage(this.dataSource, (page - 1) * pageSize, pageSize);
    return toListResponse(items, total, page, pageSize);
  }

  async entries(subject: string, reader: Principal, page: number, pageSize: number): Promise<ListResponse<LedgerEntryView>> {
    if (reader.role !== 'auditor' && !mayRead(reader, await firstEntryOf(this.dataSource, subject))) throw LedgerErrors.notYours(subject);
    const { items, total } = await entriesBySubject(this.dataSource, subject, pageWindow({ page, pageSize }));
    return toListResponse(items, total, page, pageSize);
  }

  async inclusionProof(index: number, requestedSize?: number): Promise<InclusionProofView> {
    const signed = (await this.treeHead()).treeSize;
    if (index < 0 || index >= signed) throw LedgerErrors.entryNotFound(index);
    const treeSize = requestedSize ?? signed;
    if (treeSize <= index || treeSize > signed) {
      throw LedgerErrors.badTreeSize(`treeSize must be greater than the index ${index} and at most the signed size ${signed}`);
    }
    const [row] = await this.dataSource.query(`SELECT hash FROM ledger_nodes WHERE level = 0 AND index = $1`, [index]);
    return { leafIndex: index, treeSize, leafHash: (row.hash as Buffer).toString('hex'), path: await inclusionPath(this.dataSource, index, treeSize) };
  }

  async consistencyProof(from: number, to: number): Promise<{ from: number; to: number; path: string[] }> {
    const signed = (await this.treeHead()).treeSize;
    if (from > to || to > signed) throw LedgerErrors.badRange(`need 0 <= from <= to <= ${signed} (the signed size)`);
    return { from, to, path: await consistencyPath(this.dataSource, from, to) };
  }
}
