import { ApiController, RequestNow } from '@app/service-kit';
import { Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Referential } from '../../domain/referential/referential.types';
import { GetReferentialQuery } from './get-referential.query';

@ApiController('v1/referential', 'referential')
export class GetReferentialHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  inForce(@RequestNow() now: Date): Promise<Referential> {
    return this.queries.execute(new GetReferentialQuery(null, now));
  }

  @Get(':version')
  byVersion(@Param('version') version: string, @RequestNow() now: Date): Promise<Referential> {
    return this.queries.execute(new GetReferentialQuery(version, now));
  }
}
