import type { LedgerPublicKey, SignedTreeHead } from '@app/audit';
import { Roles } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { PageQueryDto } from '@app/service-kit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConsistencyProofRequestDto } from './ledger-requests.dto';
import { LedgerQueries } from './ledger-queries.service';

/** Heads, key and consistency reveal no entry: the physicians who verify their dossiers may read them too. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('v1/ledger')
@Roles('auditor', 'physician')
export class TreeHeadsHttpController {
  constructor(private readonly queries: LedgerQueries) {}

  @Get('tree-head')
  treeHead(): Promise<SignedTreeHead> {
    return this.queries.treeHead();
  }

  @Get('tree-heads')
  treeHeads(@Query() query: PageQueryDto): Promise<ListResponse<SignedTreeHead>> {
    return this.queries.treeHeads(query.page, query.pageSize);
  }

  @Get('public-key')
  publicKey(): LedgerPublicKey {
    return this.queries.publicKey();
  }

  @Get('consistency-proof')
  consistencyProof(@Query() query: ConsistencyProofRequestDto): Promise<{ from: number; to: number; path: string[] }> {
    return this.queries.consistencyProof(query.from, query.to);
  }
}
