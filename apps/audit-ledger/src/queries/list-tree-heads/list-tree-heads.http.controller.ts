import type { SignedTreeHead } from '@app/audit';
import { Roles } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListTreeHeadsQuery } from './list-tree-heads.query';
import { ListTreeHeadsRequestDto } from './list-tree-heads.request.dto';

@ApiController('v1/ledger', 'ledger')
export class ListTreeHeadsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('tree-heads')
  @Roles('auditor', 'physician')
  treeHeads(@QueryParams() { page, pageSize }: ListTreeHeadsRequestDto): Promise<ListResponse<SignedTreeHead>> {
    return this.queries.execute(new ListTreeHeadsQuery({ page, pageSize }));
  }
}
