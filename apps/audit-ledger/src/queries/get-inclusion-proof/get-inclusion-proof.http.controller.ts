import { Roles } from '@app/auth';
import { ApiController } from '@app/service-kit';
import { Get, Param, ParseIntPipe, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetInclusionProofQuery, type InclusionProofView } from './get-inclusion-proof.query';
import { GetInclusionProofRequestDto } from './get-inclusion-proof.request.dto';

@ApiController('v1/ledger', 'ledger')
export class GetInclusionProofHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Auditors only: a physician gets the proofs of their entries inside their dossiers. */
  @Get('entries/:index/inclusion-proof')
  @Roles('auditor')
  inclusionProof(@Param('index', ParseIntPipe) index: number, @QueryParams() { treeSize }: GetInclusionProofRequestDto): Promise<InclusionProofView> {
    return this.queries.execute(new GetInclusionProofQuery(index, treeSize));
  }
}
