import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PrescriptionView } from '../../projections/prescription-view';
import { READER_ROLES } from '../prescription-reader';
import { GetPrescriptionQuery } from './get-prescription.query';

@ApiTags('prescriptions')
@ApiBearerAuth()
@Controller('v1/prescriptions')
export class GetPrescriptionHttpController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Roles(...READER_ROLES)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<PrescriptionView> {
    return this.queryBus.execute(new GetPrescriptionQuery(id, principal));
  }
}
