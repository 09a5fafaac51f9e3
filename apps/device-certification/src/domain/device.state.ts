import { withDefaultExploitant, type Certification, type DeviceProductData, type DeviceStatus } from './device-product';
import type { DeviceEvent } from './device.events';

export type DeviceState =
  | { status: 'NONE' }
  | { status: DeviceStatus; deviceId: string; product: DeviceProductData; certification?: Certification };

export const initialDeviceState = (): DeviceState => ({ status: 'NONE' });

/** Folds one event into the state. Pure; unknown events leave the state as it is. */
export function evolveDevice(state: DeviceState, event: DeviceEvent): DeviceState {
  if (event.type === 'DeviceRegistered') {
    return { status: 'DRAFT', deviceId: event.data.deviceId, product: withDefaultExploitant(event.data.product) };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'DeviceUpdated':
      return { ...state, status: 'DRAFT', product: withDefaultExploitant(event.data.product) };
    case 'DeviceSubmitted':
      return { ...state, status: 'SUBMITTED' };
    case 'DeviceCertified':
    case 'DeviceRecertified':
      return {
        ...state,
        status: 'CERTIFIED',
        certification: {
          validFrom: event.data.validFrom,
          validUntil: event.data.validUntil,
          lppCode: event.data.lppCode,
          certifiedIndications: event.data.certifiedIndications,
          evaluatorOrg: event.data.evaluatorOrg,
        },
      };
    case 'DeviceRejected':
      return { ...state, status: 'REJECTED' };
    case 'DeviceSuspended':
      return { ...state, status: 'SUSPENDED' };
    case 'DeviceReinstated':
      return { ...state, status: 'CERTIFIED' };
    case 'DeviceRevoked':
      return { ...state, status: 'REVOKED' };
    case 'DeviceCertificationExpired':
      return { ...state, status: 'EXPIRED' };
    default:
      return state;
  }
}
