import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerErrors } from '../../domain/ledger.errors';
import { leafHashAt } from '../../store/node.store';
import { inclusionPath } from '../../store/proof.store';
import { LEDGER_DB, type Queryable } from '../../store/queryable';
import { signedTreeHead } from '../../store/tree-head.store';
import { GetInclusionProofQuery, type InclusionProofView } from './get-inclusion-proof.query';

/** RFC 9162 inclusion of one entry in a tree of a signed size or less. */
@QueryHandler(GetInclusionProofQuery)
export class GetInclusionProofHandler implements IQueryHandler<GetInclusionProofQuery, InclusionProofView> {
  constructor(@Inject(LEDGER_DB) private readonly db: Queryable) {}

  async execute({ index, treeSize: requested }: GetInclusionProofQuery): Promise<InclusionProofView> {
    const signed = (await signedTreeHead(this.db)).treeSize;
    if (index < 0 || index >= signed) throw LedgerErrors.entryNotFound(index);
    const treeSize = requested ?? signed;
    if (treeSize <= index || treeSize > signed) {
      throw LedgerErrors.badTreeSize(`treeSize must be greater than the index ${index} and at most the signed size ${signed}`);
    }
    return { leafIndex: index, treeSize, leafHash: await leafHashAt(this.db, index), path: await inclusionPath(this.db, index, treeSize) };
  }
}
