import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';
import type { Remittance, RemittanceFilters } from '../../projections/remittances.repository';

export class ListRemittancesQuery extends Query<ListResponse<Remittance>> {
  constructor(
    readonly filters: RemittanceFilters,
    readonly page: { page: number; pageSize: number },
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
