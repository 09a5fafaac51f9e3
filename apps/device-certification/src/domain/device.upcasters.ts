import { EventTypeRegistry } from '@app/event-sourcing/upcasting/event-type-registry';
import { unsealedTextUpcaster } from '@app/event-sourcing/upcasting/unsealed-text';

/**
 * Schema 2 sealed the evaluator's texts (device-certification.v1.ts). Events
 * of schema 1 keep their text in clear, as written and published then; read
 * back, each such text is marked `{ unsealed }`, so the history shows it as
 * it is and nothing mistakes it for a sealed one. (No entry of them is
 * written again: an audit entry takes only the events its step decides.)
 */
export const deviceEventTypes = (): EventTypeRegistry =>
  new EventTypeRegistry()
    .upcaster('DeviceCertified', 1, unsealedTextUpcaster(['notes']))
    .upcaster('DeviceRecertified', 1, unsealedTextUpcaster(['notes']))
    .upcaster('DeviceRejected', 1, unsealedTextUpcaster(['reasons']))
    .upcaster('DeviceSuspended', 1, unsealedTextUpcaster(['reason']))
    .upcaster('DeviceReinstated', 1, unsealedTextUpcaster(['reason']))
    .upcaster('DeviceRevoked', 1, unsealedTextUpcaster(['reason']));
