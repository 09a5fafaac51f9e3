import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerErrors } from '../../domain/ledger.errors';
import { consistencyPath } from '../../store/proof.store';
import { LEDGER_DB, type Queryable } from '../../store/queryable';
import { signedTreeHead } from '../../store/tree-head.store';
import { type ConsistencyProofView, GetConsistencyProofQuery } from './get-consistency-proof.query';

/** RFC 9162 consistency between two tree sizes, up to the signed one: the history was only appended to. */
@QueryHandler(GetConsistencyProofQuery)
export class GetConsistencyProofHandler implements IQueryHandler<GetConsistencyProofQuery, ConsistencyProofView> {
  constructor(@Inject(LEDGER_DB) private readonly db: Queryable) {}

  async execute({ from, to }: GetConsistencyProofQuery): Promise<ConsistencyProofView> {
    const signed = (await signedTreeHead(this.db)).treeSize;
    if (from > to || to > signed) throw LedgerErrors.badRange(`need 0 <= from <= to <= ${signed} (the signed size)`);
    return { from, to, path: await consistencyPath(this.db, from, to) };
  }
}
