import { namesPlatformRow } from '@app/fhir';
import type { DeviceRequest } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrescriptionErrors } from '../../domain/prescription.errors';
import { PrescriptionsRepository } from '../../projections/prescriptions.repository';
import { DeviceRequestViews } from './device-request-views';
import { ReadDeviceRequestQuery } from './read-device-request.query';

/** Missing, not visible, or not even a prescription id: the same 404, as GET /v1/prescriptions/:id answers. */
@QueryHandler(ReadDeviceRequestQuery)
export class ReadDeviceRequestHandler implements IQueryHandler<ReadDeviceRequestQuery, DeviceRequest> {
  constructor(
    private readonly prescriptions: PrescriptionsRepository,
    private readonly views: DeviceRequestViews,
  ) {}

  async execute({ id, viewer }: ReadDeviceRequestQuery): Promise<DeviceRequest> {
    const row = namesPlatformRow(id) ? await this.prescriptions.findVisible(id, viewer) : null;
    const [resource] = row ? await this.views.of(viewer, [row]) : [];
    if (!resource) throw PrescriptionErrors.notFound(id);
    return resource;
  }
}
