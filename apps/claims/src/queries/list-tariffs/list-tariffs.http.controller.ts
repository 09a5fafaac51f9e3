import { ApiController } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { TariffVersion } from '../../domain/tariffs/tariff-table';
import { ListTariffsQuery } from './list-tariffs.query';

/** `GET /v1/tariffs` (any role). */
@ApiController('v1/tariffs', 'tariffs')
export class ListTariffsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(): Promise<{ items: TariffVersion[] }> {
    return this.queries.execute(new ListTariffsQuery());
  }
}
