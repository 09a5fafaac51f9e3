import type { SealedTextV1 } from '@app/contracts';
import type { PrescriptionEvent, PrescriptionIssuedData } from './prescription.events';
import type { PrescriptionStatus } from './vocabulary';

export type PrescriptionState =
  | { status: 'NONE' }
  | {
      status: PrescriptionStatus;
      issued: PrescriptionIssuedData;
      cancellation?: { reason: SealedTextV1; cancelledAt: string };
      expiredAt?: string;
    };

export const initialPrescriptionState = (): PrescriptionState => ({ status: 'NONE' });

/** Folds one event into the state. Pure. */
export function evolvePrescription(state: PrescriptionState, event: PrescriptionEvent): PrescriptionState {
  if (event.type === 'PrescriptionIssued') return { status: 'ISSUED', issued: event.data };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'PrescriptionCancelled':
      return { ...state, status: 'CANCELLED', cancellation: { reason: event.data.reason, cancelledAt: event.data.cancelledAt } };
    case 'PrescriptionExpired':
      return { ...state, status: 'EXPIRED', expiredAt: event.data.expiredAt };
    default:
      return state;
  }
}
