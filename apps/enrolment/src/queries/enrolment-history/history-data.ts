import type { SealedTextV1 } from '@app/contracts';
import type { EnrolmentEvent } from '../../domain/enrolment.state';

export type ReasonOpener = (step: 'suspension' | 'end', at: string, sealed: SealedTextV1) => Promise<string>;

/**
 * An event's data as the history serves it to those who see the enrolment:
 * a reason in clear ("erased" once the patient is), the identity's
 * ciphertext left out (nobody reads it here).
 */
export async function historyData(event: EnrolmentEvent, openReason: ReasonOpener): Promise<Record<string, unknown>> {
  switch (event.type) {
    case 'EnrolmentCreated': {
      const { patient, ...rest } = event.data;
      return { ...rest, patient: { pseudonym: patient.pseudonym } };
    }
    case 'EnrolmentSuspended':
      return { ...event.data, reason: event.data.reason ? await openReason('suspension', event.data.suspendedAt, event.data.reason) : null };
    case 'EnrolmentEnded':
      return { ...event.data, reason: event.data.reason ? await openReason('end', event.data.endedAt, event.data.reason) : null };
    default:
      return { ...event.data };
  }
}
