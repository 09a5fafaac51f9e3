import type { DeviceDefinition } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeviceErrors } from '../../domain/device.errors';
import { DeviceCatalogueRepository } from '../../projections/device-catalogue.repository';
import { toDeviceDefinition } from './device-definition.resource';
import { ReadDeviceDefinitionQuery } from './read-device-definition.query';

/** A FHIR id is any string: one that is no UUID names no device (and must not reach the uuid column). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET /fhir/R4/DeviceDefinition/:id`: as GET /v1/devices/:id, missing and not visible are the same 404. */
@QueryHandler(ReadDeviceDefinitionQuery)
export class ReadDeviceDefinitionHandler implements IQueryHandler<ReadDeviceDefinitionQuery, DeviceDefinition> {
  constructor(private readonly catalogue: DeviceCatalogueRepository) {}

  async execute({ deviceId, viewer }: ReadDeviceDefinitionQuery): Promise<DeviceDefinition> {
    const device = UUID.test(deviceId) ? await this.catalogue.findVisible(deviceId, viewer) : null;
    if (!device) throw DeviceErrors.notFound(deviceId);
    return toDeviceDefinition(device);
  }
}
