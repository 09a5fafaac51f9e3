import type { Device } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrolmentDevicesRepository } from '../../projections/enrolment-devices.repository';
import { namesPlatformRow } from '@app/fhir';
import { fhirNotFound } from '../enrolment-fhir';
import { deviceResource } from './device.resource';
import { ReadDeviceQuery } from './read-device.query';

/** A device of an enrolment the caller sees (as `GET /v1/enrolments/:id`); any other is the 404 of a missing one. */
@QueryHandler(ReadDeviceQuery)
export class ReadDeviceHandler implements IQueryHandler<ReadDeviceQuery, Device> {
  constructor(private readonly devices: EnrolmentDevicesRepository) {}

  async execute({ id, viewer }: ReadDeviceQuery): Promise<Device> {
    const row = namesPlatformRow(id) ? await this.devices.findVisible(id, viewer) : null;
    if (!row) throw fhirNotFound('Device', id);
    return deviceResource(row);
  }
}
