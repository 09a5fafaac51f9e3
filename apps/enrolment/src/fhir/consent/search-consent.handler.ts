import { searchsetBundle } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConsentsRepository } from '../../projections/consents.repository';
import { pageOf, scopeOf } from '../enrolment-fhir';
import { consentResource, standingsFor } from './consent.resource';
import { SearchConsentQuery } from './search-consent.query';

/** The consent records of the enrolments the caller sees (as `GET /v1/enrolments` lists them), oldest recorded first. */
@QueryHandler(SearchConsentQuery)
export class SearchConsentHandler implements IQueryHandler<SearchConsentQuery, Bundle> {
  constructor(private readonly consents: ConsentsRepository) {}

  async execute({ search, location, viewer }: SearchConsentQuery): Promise<Bundle> {
    const filters = { ...scopeOf(search), standings: standingsFor(search.status) };
    const { rows, total } = await this.consents.listVisible(viewer, filters, pageOf(search));
    return searchsetBundle(rows.map(consentResource), total, search, location);
  }
}
