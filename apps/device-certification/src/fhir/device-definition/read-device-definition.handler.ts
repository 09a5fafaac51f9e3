import { namesPlatformRow } from '@app/fhir';
import type { DeviceDefinition } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeviceErrors } from '../../domain/device.errors';
import { DeviceCatalogueRepository } from '../../projections/device-catalogue.repository';
import { toDeviceDefinition } from './device-definition.resource';
import { ReadDeviceDefinitionQuery } from './read-device-definition.query';

/** `GET /fhir/R4/DeviceDefinition/:id`: as GET /v1/devices/:id, missing and not visible are the same 404. */
@QueryHandler(ReadDeviceDefinitionQuery)
export class ReadDeviceDefinitionHandler implements IQueryHandler<ReadDeviceDefinitionQuery, DeviceDefinition> {
  constructor(private readonly catalogue: DeviceCatalogueRepository) {}

  async execute({ deviceId, viewer }: ReadDeviceDefinitionQuery): Promise<DeviceDefinition> {
    const device = namesPlatformRow(deviceId) ? await this.catalogue.findVisible(deviceId, viewer) : null;
    if (!device) throw DeviceErrors.notFound(deviceId);
    return toDeviceDefinition(device);
  }
}
