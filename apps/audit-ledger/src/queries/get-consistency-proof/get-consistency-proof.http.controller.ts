import { Roles } from '@app/auth';
import { ApiController } from '@app/service-kit';
import { Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type ConsistencyProofView, GetConsistencyProofQuery } from './get-consistency-proof.query';
import { GetConsistencyProofRequestDto } from './get-consistency-proof.request.dto';

@ApiController('v1/ledger', 'ledger')
export class GetConsistencyProofHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('consistency-proof')
  @Roles('auditor', 'physician')
  consistencyProof(@QueryParams() { from, to }: GetConsistencyProofRequestDto): Promise<ConsistencyProofView> {
    return this.queries.execute(new GetConsistencyProofQuery(from, to));
  }
}
