import { CurrentPrincipal, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { viewerOf } from '../../principals/enrolment-viewer';
import { EnrolmentHistoryQuery, type EnrolmentHistoryItem } from './enrolment-history.query';

@ApiController('v1/enrolments', 'enrolments')
export class EnrolmentHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  history(@UuidParam() id: string, @CurrentPrincipal() viewer: Principal): Promise<{ items: EnrolmentHistoryItem[] }> {
    return this.queries.execute(new EnrolmentHistoryQuery(id, viewerOf(viewer)));
  }
}
