import type { Signer } from '@app/audit';
import { Roles } from '@app/auth';
import { ApiController } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListSignersQuery } from './list-signers.query';

@ApiController('v1/ledger', 'ledger')
export class ListSignersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('signers')
  @Roles('auditor', 'physician')
  signers(): Promise<{ items: Signer[] }> {
    return this.queries.execute(new ListSignersQuery());
  }
}
