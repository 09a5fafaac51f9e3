import { searchsetBundle } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrescriptionsRepository } from '../../projections/prescriptions.repository';
import { prescriptionStatusesOf } from './device-request-status';
import { DeviceRequestViews } from './device-request-views';
import { SearchDeviceRequestQuery } from './search-device-request.query';

/**
 * The JSON list's own visibility (a physician their prescriptions, a patient
 * their own, auditors and admins all), narrowed by the search: another
 * physician's patient is an empty Bundle, never their data.
 */
@QueryHandler(SearchDeviceRequestQuery)
export class SearchDeviceRequestHandler implements IQueryHandler<SearchDeviceRequestQuery, Bundle> {
  constructor(
    private readonly prescriptions: PrescriptionsRepository,
    private readonly views: DeviceRequestViews,
  ) {}

  async execute({ search, location, viewer }: SearchDeviceRequestQuery): Promise<Bundle> {
    const filters = {
      statuses: search.status ? prescriptionStatusesOf(search.status) : undefined,
      patientPseudonym: search.patient,
      updatedFrom: search.lastUpdated.from,
      updatedBefore: search.lastUpdated.to,
    };
    const { rows, total } = await this.prescriptions.listVisible(viewer, filters, { page: search.page, pageSize: search.count });
    return searchsetBundle(await this.views.of(viewer, rows), total, search, location);
  }
}
