import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { PrescriptionViewer } from '../../domain/prescription-visibility';
import type { PrescriptionStatus } from '../../domain/vocabulary';
import type { PrescriptionView } from '../../projections/prescription-view';

export class ListPrescriptionsQuery extends Query<ListResponse<PrescriptionView>> {
  constructor(
    readonly status: PrescriptionStatus | undefined,
    readonly page: { page: number; pageSize: number },
    readonly viewer: PrescriptionViewer,
  ) {
    super();
  }
}
