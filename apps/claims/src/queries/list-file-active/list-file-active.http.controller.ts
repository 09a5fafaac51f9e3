import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { claimViewerOf } from '../../principals/claim-viewer';
import type { FileActiveView } from '../../projections/file-active.repository';
import { ListFileActiveQuery } from './list-file-active.query';
import { ListFileActiveRequestDto } from './list-file-active.request.dto';

@ApiController('v1/file-active', 'file-active')
export class ListFileActiveHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('vendor', 'claims_processor', 'admin')
  list(
    @QueryParams() { exploitant, lppCode, page, pageSize }: ListFileActiveRequestDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ListResponse<FileActiveView>> {
    return this.queries.execute(new ListFileActiveQuery({ exploitant, lppCode }, { page, pageSize }, claimViewerOf(viewer)));
  }
}
