import { searchsetBundle } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { pageOf, scopeOf } from '../enrolment-fhir';
import { coverageResource, rightsStatusesFor } from './coverage.resource';
import { SearchCoverageQuery } from './search-coverage.query';

/** The Coverage of each enrolment the caller sees: `GET /v1/enrolments`'s list, filtered on the patient, the rights and `_lastUpdated`. */
@QueryHandler(SearchCoverageQuery)
export class SearchCoverageHandler implements IQueryHandler<SearchCoverageQuery, Bundle> {
  constructor(private readonly enrolments: EnrolmentsRepository) {}

  async execute({ search, location, viewer }: SearchCoverageQuery): Promise<Bundle> {
    const filters = { ...scopeOf(search), rightsStatuses: rightsStatusesFor(search.status) };
    const { rows, total } = await this.enrolments.listVisible(viewer, filters, pageOf(search));
    return searchsetBundle(rows.map(coverageResource), total, search, location);
  }
}
