import type { SealedTextV1 } from '@app/contracts';
import { disclosable, type DisclosureReader } from '@app/event-sourcing/decider/disclosable';
import { ANY_PHYSICIAN } from '@app/event-sourcing/disclosures/disclosure-readers';
import type { UnsealedText } from '@app/event-sourcing/upcasting/unsealed-text';
import type { DeviceEvent } from './device.events';

/** The event types that carry an evaluator's free text. */
export type DeviceTextEventType = 'DeviceCertified' | 'DeviceRecertified' | 'DeviceRejected' | 'DeviceSuspended' | 'DeviceReinstated' | 'DeviceRevoked';

/**
 * The associated data of a device text: its row (the device) and its field
 * (the event type and the text's place in its data), e.g.
 * `device:<id>#DeviceSuspended.reason`, `device:<id>#DeviceRejected.reasons.0`.
 * A sealed text copied to another device or another field does not open.
 */
export const deviceTextAad = (deviceId: string, type: DeviceTextEventType, field: string): string => `device:${deviceId}#${type}.${field}`;

/**
 * Who besides auditors reads a device text disclosed from the ledger.
 * Suspension, reinstatement and revocation reasons and certification notes:
 * every physician (`physician:*`). They are about a product, not a person;
 * they bear on the liability of every prescriber of the device, not of one;
 * and the device is public when they are written (certified, suspended,
 * revoked), so `GET /v1/devices/:id/history` already shows them to every
 * authenticated caller. Rejection reasons: auditors only. They concern a
 * submission that was not certified, on which no prescription rests, and
 * while the product is rejected its history is its vendor's and the
 * evaluators' alone.
 */
export function deviceTextReaders(type: DeviceTextEventType): DisclosureReader[] {
  return type === 'DeviceRejected' ? [] : [ANY_PHYSICIAN];
}

/** A text as a stored event holds it: sealed, or (an event of schema 1, upcast) in clear. */
export type StoredDeviceText = SealedTextV1 | UnsealedText;

/** Where a text sits in its event: its field in the event's data, and its associated data. */
export interface DeviceTextPlace {
  type: DeviceTextEventType;
  field: string;
  aad: string;
}

/**
 * The event's data with each free text replaced by `replace(text, place)`:
 * the notes of a certification, each reason of a rejection, the reason of a
 * status change. What has no text is returned as it is.
 */
export function mapDeviceTexts(deviceId: string, event: DeviceEvent, replace: (text: StoredDeviceText, place: DeviceTextPlace) => unknown): Record<string, unknown> {
  const at = (type: DeviceTextEventType, field: string): DeviceTextPlace => ({ type, field, aad: deviceTextAad(deviceId, type, field) });
  switch (event.type) {
    case 'DeviceCertified':
    case 'DeviceRecertified':
      return event.data.notes ? { ...event.data, notes: replace(event.data.notes, at(event.type, 'notes')) } : event.data;
    case 'DeviceRejected':
      return { ...event.data, reasons: event.data.reasons.map((text, i) => replace(text, at(event.type, `reasons.${i}`))) };
    case 'DeviceSuspended':
    case 'DeviceReinstated':
    case 'DeviceRevoked':
      return { ...event.data, reason: replace(event.data.reason, at(event.type, 'reason')) };
    default:
      return event.data;
  }
}

/**
 * The event's data as its audit entry's evidence holds it: each sealed text
 * marked disclosable, so the entry keeps its commitment only and the text
 * stays with this service, for those allowed to read it.
 */
export const disclosedEventData = (deviceId: string, event: DeviceEvent): Record<string, unknown> =>
  mapDeviceTexts(deviceId, event, (text, { type, aad }) => disclosable(text as SealedTextV1, { aad, readers: deviceTextReaders(type) }));
