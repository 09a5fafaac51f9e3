import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EnrolmentViews } from '../../projections/enrolment-views';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { ListEnrolmentsQuery } from './list-enrolments.query';

/** The enrolments the caller may see (their org's, their prescriptions', their own), filtered and paged. */
@QueryHandler(ListEnrolmentsQuery)
export class ListEnrolmentsHandler implements IQueryHandler<ListEnrolmentsQuery, ListResponse<EnrolmentView>> {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly views: EnrolmentViews,
  ) {}

  async execute({ filters, page, viewer }: ListEnrolmentsQuery): Promise<ListResponse<EnrolmentView>> {
    const { rows, total } = await this.enrolments.listVisible(viewer, filters, page);
    return toListResponse(await this.views.completeAll(rows.map((row) => row.resource)), total, page.page, page.pageSize);
  }
}
