import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';
import type { Remittance } from '../../projections/remittances.repository';

export class GetRemittanceQuery extends Query<Remittance> {
  constructor(
    readonly remittanceId: string,
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
