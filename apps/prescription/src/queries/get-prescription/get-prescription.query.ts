import { Query } from '@nestjs/cqrs';
import type { PrescriptionViewer } from '../../domain/prescription-visibility';
import type { PrescriptionView } from '../../projections/prescription-view';

export class GetPrescriptionQuery extends Query<PrescriptionView> {
  constructor(
    readonly prescriptionId: string,
    readonly viewer: PrescriptionViewer,
  ) {
    super();
  }
}
