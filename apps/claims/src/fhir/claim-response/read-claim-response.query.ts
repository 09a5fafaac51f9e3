import type { ClaimResponse } from '@medplum/fhirtypes';
import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';

export class ReadClaimResponseQuery extends Query<ClaimResponse> {
  constructor(
    readonly id: string,
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
