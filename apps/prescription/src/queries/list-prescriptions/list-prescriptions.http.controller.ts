import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READER_ROLES } from '../../domain/prescription-visibility';
import type { PrescriptionView } from '../../projections/prescription-view';
import { ListPrescriptionsQuery } from './list-prescriptions.query';
import { ListPrescriptionsRequestDto } from './list-prescriptions.request.dto';

@ApiController('v1/prescriptions', 'prescriptions')
export class ListPrescriptionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READER_ROLES)
  list(
    @QueryParams() { status, page, pageSize }: ListPrescriptionsRequestDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ListResponse<PrescriptionView>> {
    return this.queries.execute(new ListPrescriptionsQuery(status, { page, pageSize }, viewer));
  }
}
