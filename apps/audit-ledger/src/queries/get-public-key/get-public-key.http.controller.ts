import type { LedgerPublicKey } from '@app/audit';
import { Roles } from '@app/auth';
import { ApiController } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetPublicKeyQuery } from './get-public-key.query';

@ApiController('v1/ledger', 'ledger')
export class GetPublicKeyHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('public-key')
  @Roles('auditor', 'physician')
  publicKey(): Promise<LedgerPublicKey> {
    return this.queries.execute(new GetPublicKeyQuery());
  }
}
