import { Roles } from '@app/auth';
import { ApiController, PseudonymParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { PatientErasureView } from '../../projections/patient-erasure-view';
import { GetErasureQuery } from './get-erasure.query';

@ApiController('v1/patients', 'patients')
export class GetErasureHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':pseudonym/erasure')
  @Roles('admin', 'auditor')
  get(@PseudonymParam() pseudonym: string): Promise<PatientErasureView> {
    return this.queries.execute(new GetErasureQuery(pseudonym));
  }
}
