import { isUnsealedText } from '@app/event-sourcing';
import type { ServiceTextSealer } from '@app/service-kit';
import type { DeviceEvent } from '../../domain/device.events';
import { mapDeviceTexts } from '../../domain/device-texts';

/**
 * An event's data as the history serves it: every free text in clear, as
 * before texts were sealed (a reason is a string, reasons a list of strings),
 * opened from its ciphertext; a text of a schema 1 event was never sealed
 * and is shown as it was written.
 */
export const historyData = (deviceId: string, event: DeviceEvent, sealer: ServiceTextSealer): Record<string, unknown> =>
  mapDeviceTexts(deviceId, event, (text, { aad }) => (isUnsealedText(text) ? text.unsealed : sealer.openText(text, aad).text));
