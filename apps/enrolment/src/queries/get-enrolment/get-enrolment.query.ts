import { Query } from '@nestjs/cqrs';
import type { EnrolmentViewer } from '../../domain/enrolment-visibility';
import type { EnrolmentView } from '../../projections/enrolment-view';

export class GetEnrolmentQuery extends Query<EnrolmentView> {
  constructor(
    readonly enrolmentId: string,
    readonly viewer: EnrolmentViewer,
  ) {
    super();
  }
}
