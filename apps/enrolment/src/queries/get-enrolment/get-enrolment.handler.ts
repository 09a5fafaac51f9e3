import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrolmentErrors } from '../../domain/enrolment.errors';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EnrolmentViews } from '../../projections/enrolment-views';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { GetEnrolmentQuery } from './get-enrolment.query';

/** Its operator org, its prescribers and its patient read an enrolment; everyone else gets the 404 of a missing one. */
@QueryHandler(GetEnrolmentQuery)
export class GetEnrolmentHandler implements IQueryHandler<GetEnrolmentQuery, EnrolmentView> {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly views: EnrolmentViews,
  ) {}

  async execute({ enrolmentId, viewer }: GetEnrolmentQuery): Promise<EnrolmentView> {
    const row = await this.enrolments.findVisible(enrolmentId, viewer);
    if (!row) throw EnrolmentErrors.notFound(enrolmentId);
    return this.views.complete(row.resource);
  }
}
