import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';
import type { ClaimView } from '../../projections/claim-view';

export class GetClaimQuery extends Query<ClaimView> {
  constructor(
    readonly claimId: string,
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
