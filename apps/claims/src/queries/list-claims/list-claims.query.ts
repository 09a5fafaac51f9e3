import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';
import type { ClaimView } from '../../projections/claim-view';
import type { ClaimFilters } from '../../projections/claims.repository';

export class ListClaimsQuery extends Query<ListResponse<ClaimView>> {
  constructor(
    readonly filters: ClaimFilters,
    readonly page: { page: number; pageSize: number },
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
