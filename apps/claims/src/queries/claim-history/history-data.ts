import { CLAIM_SEALED_FIELDS, type ClaimEventV1, type SealedTextV1 } from '@app/contracts';

type SealedField = (typeof CLAIM_SEALED_FIELDS)[keyof typeof CLAIM_SEALED_FIELDS];

export type TextOpener = (field: SealedField, sealed: SealedTextV1) => Promise<string>;

/**
 * An event's data as the history serves it to those who see the claim: its
 * texts in clear ("erased" once the patient is), the identity's ciphertext
 * left out (only the submission to the AMO opens it).
 */
export async function historyData(event: ClaimEventV1, open: TextOpener): Promise<Record<string, unknown>> {
  switch (event.type) {
    case 'ClaimCreated': {
      const { patient, ...rest } = event.data;
      return { ...rest, patient: { pseudonym: patient.pseudonym } };
    }
    case 'ClaimRejected':
      return { ...event.data, note: event.data.note ? await open(CLAIM_SEALED_FIELDS.rejectionNote, event.data.note) : null };
    case 'ClaimContested':
      return { ...event.data, note: await open(CLAIM_SEALED_FIELDS.contestNote, event.data.note) };
    case 'ClaimCancelled':
      return { ...event.data, reason: event.data.reason ? await open(CLAIM_SEALED_FIELDS.cancellationReason, event.data.reason) : null };
    default:
      return { ...event.data };
  }
}
