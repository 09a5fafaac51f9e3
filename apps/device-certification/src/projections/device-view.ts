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

export type RegisteredDevice = Extract<DeviceState, { deviceId: string }>;

export function deviceView(state: RegisteredDevice, version: number, createdAt: string, updatedAt: string): DeviceView {
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
