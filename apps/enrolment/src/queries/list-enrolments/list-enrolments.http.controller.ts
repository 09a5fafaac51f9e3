import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { viewerOf } from '../../principals/enrolment-viewer';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { ListEnrolmentsQuery } from './list-enrolments.query';
import { ListEnrolmentsRequestDto } from './list-enrolments.request.dto';

@ApiController('v1/enrolments', 'enrolments')
export class ListEnrolmentsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'physician', 'patient')
  list(
    @QueryParams() { prescriptionId, status, page, pageSize }: ListEnrolmentsRequestDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ListResponse<EnrolmentView>> {
    return this.queries.execute(new ListEnrolmentsQuery({ prescriptionId, status }, { page, pageSize }, viewerOf(viewer)));
  }
}
