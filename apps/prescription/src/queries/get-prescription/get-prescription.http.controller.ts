import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READER_ROLES } from '../../domain/prescription-visibility';
import type { PrescriptionView } from '../../projections/prescription-view';
import { GetPrescriptionQuery } from './get-prescription.query';

@ApiController('v1/prescriptions', 'prescriptions')
export class GetPrescriptionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles(...READER_ROLES)
  get(@UuidParam() id: string, @CurrentPrincipal() viewer: Principal): Promise<PrescriptionView> {
    return this.queries.execute(new GetPrescriptionQuery(id, viewer));
  }
}
