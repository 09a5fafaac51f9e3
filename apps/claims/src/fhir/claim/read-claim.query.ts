import type { Claim } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';

export class ReadClaimQuery extends Query<Claim> {
  constructor(
    readonly id: string,
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
