import { Roles } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { QuarantineItem } from '../../store/quarantine.store';
import { ListQuarantineQuery } from './list-quarantine.query';
import { ListQuarantineRequestDto } from './list-quarantine.request.dto';

@ApiController('v1/ledger', 'ledger')
export class ListQuarantineHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Auditors only: a refused message names services and streams beyond any one physician's patients. */
  @Get('quarantine')
  @Roles('auditor')
  quarantine(@QueryParams() { page, pageSize }: ListQuarantineRequestDto): Promise<ListResponse<QuarantineItem>> {
    return this.queries.execute(new ListQuarantineQuery({ page, pageSize }));
  }
}
