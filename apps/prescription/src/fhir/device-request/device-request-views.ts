import type { DeviceRequest } from '@medplum/fhirtypes';
import { Injectable } from '@nestjs/common';
import { deviceFactsAt } from '../../domain/device-facts/device-facts-at';
import type { PrescriptionViewer } from '../../domain/prescription-visibility';
import { PrescriptionOpening } from '../../personal-data/prescription-opening';
import { CertifiedDeviceHistoryRepository } from '../../projections/certified-device-history.repository';
import type { PrescriptionView } from '../../projections/prescription-view';
import type { PrescriptionRow } from '../../projections/prescriptions.repository';
import { toDeviceRequest } from './device-request.resource';

/**
 * Visible rows -> DeviceRequests, opened exactly as the JSON API opens them
 * for this caller: GET /v1/prescriptions' opening for its readers, the
 * export's for a patient (their own rows only: the repository limited them).
 */
@Injectable()
export class DeviceRequestViews {
  constructor(
    private readonly opening: PrescriptionOpening,
    private readonly devices: CertifiedDeviceHistoryRepository,
  ) {}

  async of(viewer: PrescriptionViewer, rows: PrescriptionRow[]): Promise<DeviceRequest[]> {
    const views = await this.open(viewer, rows);
    const lppCodes = await this.lppCodesOf(views);
    return views.map((view) => toDeviceRequest(view, { lppCode: lppCodes.get(view.id) }));
  }

  private async open(viewer: PrescriptionViewer, rows: PrescriptionRow[]): Promise<PrescriptionView[]> {
    if (viewer.role !== 'patient') return this.opening.viewsFor(viewer, rows);
    if (!viewer.pseudonym || rows.length === 0) return [];
    return (await this.opening.exportFor(viewer.pseudonym, rows)).prescriptions;
  }

  /** The product's LPP code as certified at each prescription's issue (the service's own certification history), by prescription id. */
  private async lppCodesOf(views: PrescriptionView[]): Promise<Map<string, string>> {
    const deviceIds = [...new Set(views.map((view) => view.device.id))];
    const facts = new Map(await Promise.all(deviceIds.map(async (id) => [id, await this.devices.factsOf(id)] as const)));
    const codes = new Map<string, string>();
    for (const view of views) {
      const lppCode = deviceFactsAt(view.device.id, facts.get(view.device.id) ?? [], new Date(view.issuedAt))?.lppCode;
      if (lppCode) codes.set(view.id, lppCode);
    }
    return codes;
  }
}
