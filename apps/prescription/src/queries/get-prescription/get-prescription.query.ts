import type { Principal } from '@app/auth';
import { Query } from '@nestjs/cqrs';
import type { PrescriptionView } from '../../projections/prescription-view';

export class GetPrescriptionQuery extends Query<PrescriptionView> {
  constructor(
    readonly prescriptionId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
