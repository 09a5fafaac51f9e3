import { searchsetBundle } from '@app/fhir';
import type { Bundle } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrolmentDevicesRepository } from '../../projections/enrolment-devices.repository';
import { pageOf, scopeOf } from '../enrolment-fhir';
import { deviceResource, inUseFor } from './device.resource';
import { SearchDeviceQuery } from './search-device.query';

/** The devices of the enrolments the caller sees (as `GET /v1/enrolments` lists them), oldest assignment first. */
@QueryHandler(SearchDeviceQuery)
export class SearchDeviceHandler implements IQueryHandler<SearchDeviceQuery, Bundle> {
  constructor(private readonly devices: EnrolmentDevicesRepository) {}

  async execute({ search, location, viewer }: SearchDeviceQuery): Promise<Bundle> {
    const filters = { ...scopeOf(search), inUse: inUseFor(search.status) };
    const { rows, total } = await this.devices.listVisible(viewer, filters, pageOf(search));
    return searchsetBundle(rows.map(deviceResource), total, search, location);
  }
}
