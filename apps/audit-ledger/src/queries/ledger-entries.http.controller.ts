import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LedgerEntryView } from '../store/entry.store';
import { EntriesRequestDto, InclusionProofRequestDto } from './ledger-requests.dto';
import { LedgerQueries, type InclusionProofView } from './ledger-queries.service';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('v1/ledger/entries')
export class LedgerEntriesHttpController {
  constructor(private readonly queries: LedgerQueries) {}

  /** Auditors: any subject; a physician: the prescriptions and refused attempts they wrote (else 403). */
  @Get()
  @Roles('auditor', 'physician')
  list(@Query() query: EntriesRequestDto, @CurrentPrincipal() principal: Principal): Promise<ListResponse<LedgerEntryView>> {
    return this.queries.entries(query.subject, principal, query.page, query.pageSize);
  }

  /** Auditors only: a physician gets the proofs of their entries inside their dossiers. */
  @Get(':index/inclusion-proof')
  @Roles('auditor')
  inclusionProof(@Param('index', ParseIntPipe) index: number, @Query() query: InclusionProofRequestDto): Promise<InclusionProofView> {
    return this.queries.inclusionProof(index, query.treeSize);
  }
}
