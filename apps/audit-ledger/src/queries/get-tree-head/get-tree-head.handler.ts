import type { SignedTreeHead } from '@app/audit';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LEDGER_DB, type Queryable } from '../../store/queryable';
import { signedTreeHead } from '../../store/tree-head.store';
import { GetTreeHeadQuery } from './get-tree-head.query';

/** The newest signed tree head; any replica serves it (it reads committed heads only). */
@QueryHandler(GetTreeHeadQuery)
export class GetTreeHeadHandler implements IQueryHandler<GetTreeHeadQuery, SignedTreeHead> {
  constructor(@Inject(LEDGER_DB) private readonly db: Queryable) {}

  execute(): Promise<SignedTreeHead> {
    return signedTreeHead(this.db);
  }
}
