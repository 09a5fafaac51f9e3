import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { TariffTable, TariffVersion } from '../../domain/tariffs/tariff-table';
import { TARIFF_TABLE } from '../../tariffs/tariff-table.token';
import { ListTariffsQuery } from './list-tariffs.query';

/** The tariff table in force, as data: levels and codes, tranches and floor, AMO rates, each version's validity. */
@QueryHandler(ListTariffsQuery)
export class ListTariffsHandler implements IQueryHandler<ListTariffsQuery, { items: TariffVersion[] }> {
  constructor(@Inject(TARIFF_TABLE) private readonly tariffs: TariffTable) {}

  async execute(): Promise<{ items: TariffVersion[] }> {
    return { items: this.tariffs.versions };
  }
}
