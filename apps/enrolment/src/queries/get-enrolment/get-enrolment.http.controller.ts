import { CurrentPrincipal, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { viewerOf } from '../../principals/enrolment-viewer';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { GetEnrolmentQuery } from './get-enrolment.query';

@ApiController('v1/enrolments', 'enrolments')
export class GetEnrolmentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  get(@UuidParam() id: string, @CurrentPrincipal() viewer: Principal): Promise<EnrolmentView> {
    return this.queries.execute(new GetEnrolmentQuery(id, viewerOf(viewer)));
  }
}
