import type { SignedTreeHead } from '@app/audit';
import { Roles } from '@app/auth';
import { ApiController } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetTreeHeadQuery } from './get-tree-head.query';

/** Heads reveal no entry: the physicians who verify their dossiers may read them too. */
@ApiController('v1/ledger', 'ledger')
export class GetTreeHeadHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('tree-head')
  @Roles('auditor', 'physician')
  treeHead(): Promise<SignedTreeHead> {
    return this.queries.execute(new GetTreeHeadQuery());
  }
}
