import { Query } from '@nestjs/cqrs';
import type { TariffVersion } from '../../domain/tariffs/tariff-table';

/** `GET /v1/tariffs`: every tariff version with its validity, oldest first. */
export class ListTariffsQuery extends Query<{ items: TariffVersion[] }> {}
