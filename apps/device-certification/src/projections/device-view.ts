import type { Certification, DeviceProductData, DeviceStatus } from '../domain/device-product';
import type { DeviceState } from '../domain/device.state';

/** A device as API.md serves it. */
export type DeviceView = DeviceProductData & {
  id: string;
  status: DeviceStatus;
  version: number;
  certification: Certification | null;
  createdAt: string;
  updatedAt: string;
};

export function deviceView(
  state: Extract<DeviceState, { deviceId: string }>,
  version: number,
  createdAt: string,
  updatedAt: string,
): DeviceView {
  return {
    id: state.deviceId,
    status: state.status,
    version,
    ...state.product,
    certification: state.certification ?? null,
    createdAt,
    updatedAt,
  };
}

/**
 * Who may see a device: certified, suspended, expired and revoked products are
 * public (a prescriber must be able to learn that a product was withdrawn);
 * drafts, submitted and rejected ones only their vendor and the evaluators.
 */
export const PUBLIC_STATUSES: readonly DeviceStatus[] = ['CERTIFIED', 'SUSPENDED', 'EXPIRED', 'REVOKED'];

export function isVisibleTo(
  device: { status: DeviceStatus; manufacturerSiret: string },
  viewer: { role: string; org?: string },
): boolean {
  if (PUBLIC_STATUSES.includes(device.status) || viewer.role === 'evaluator') return true;
  return viewer.role === 'vendor' && viewer.org === device.manufacturerSiret;
}
