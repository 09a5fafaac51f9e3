import type { Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { PrescriptionStatus } from '../../domain/vocabulary';
import type { PrescriptionView } from '../../projections/prescription-view';

export class ListPrescriptionsQuery extends Query<ListResponse<PrescriptionView>> {
  constructor(
    readonly status: PrescriptionStatus | undefined,
    readonly page: number,
    readonly pageSize: number,
    readonly viewer: Principal,
  ) {
    super();
  }
}
