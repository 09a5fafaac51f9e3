import type { Bundle } from '@medplum/fhirtypes';
import { searchsetBundle } from '@app/fhir';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DeviceStatus } from '../../domain/device-product';
import { DeviceCatalogueRepository } from '../../projections/device-catalogue.repository';
import { toDeviceDefinition } from './device-definition.resource';
import { SearchDeviceDefinitionQuery } from './search-device-definition.query';

/**
 * `GET /fhir/R4/DeviceDefinition?...`: the devices GET /v1/devices lists to
 * this caller (the same repository call, so the same visibility and order),
 * filtered by certification status and last change.
 */
@QueryHandler(SearchDeviceDefinitionQuery)
export class SearchDeviceDefinitionHandler implements IQueryHandler<SearchDeviceDefinitionQuery, Bundle> {
  constructor(private readonly catalogue: DeviceCatalogueRepository) {}

  async execute({ search, location, viewer }: SearchDeviceDefinitionQuery): Promise<Bundle> {
    const filter = {
      // The parser accepted only the capability's codes, which are the API's statuses.
      statuses: search.status as DeviceStatus[] | undefined,
      updatedFrom: search.lastUpdated.from,
      updatedBefore: search.lastUpdated.to,
    };
    const { items, total } = await this.catalogue.listVisible(viewer, filter, { page: search.page, pageSize: search.count });
    return searchsetBundle(items.map(toDeviceDefinition), total, search, location);
  }
}
