import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { LedgerEntryView } from '../../store/entry.store';
import { ListLedgerEntriesQuery } from './list-ledger-entries.query';
import { ListLedgerEntriesRequestDto } from './list-ledger-entries.request.dto';

@ApiController('v1/ledger', 'ledger')
export class ListLedgerEntriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('entries')
  @Roles('auditor', 'physician')
  list(
    @QueryParams() { subject, page, pageSize }: ListLedgerEntriesRequestDto,
    @CurrentPrincipal() reader: Principal,
  ): Promise<ListResponse<LedgerEntryView>> {
    return this.queries.execute(new ListLedgerEntriesQuery(subject, { page, pageSize }, reader));
  }
}
