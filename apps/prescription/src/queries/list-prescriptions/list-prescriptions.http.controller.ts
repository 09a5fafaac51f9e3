import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PrescriptionView } from '../../projections/prescription-view';
import { READER_ROLES } from '../prescription-reader';
import { ListPrescriptionsQuery } from './list-prescriptions.query';
import { ListPrescriptionsRequestDto } from './list-prescriptions.request.dto';

@ApiTags('prescriptions')
@ApiBearerAuth()
@Controller('v1/prescriptions')
export class ListPrescriptionsHttpController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...READER_ROLES)
  list(@QueryParams() query: ListPrescriptionsRequestDto, @CurrentPrincipal() principal: Principal): Promise<ListResponse<PrescriptionView>> {
    return this.queryBus.execute(new ListPrescriptionsQuery(query.status, query.page, query.pageSize, principal));
  }
}
