import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { EnrolmentViewer } from '../../domain/enrolment-visibility';
import type { EnrolmentView } from '../../projections/enrolment-view';
import type { EnrolmentFilters } from '../../projections/enrolments.repository';

export class ListEnrolmentsQuery extends Query<ListResponse<EnrolmentView>> {
  constructor(
    readonly filters: EnrolmentFilters,
    readonly page: { page: number; pageSize: number },
    readonly viewer: EnrolmentViewer,
  ) {
    super();
  }
}
