import { CLAIM_SEALED_FIELDS, ENROLMENT_SEALED_FIELDS, ERASED, type Erased, type PatientIdentityV1, type SealedTextV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { fieldAad } from '@app/fr-health';
import { PATIENT_KEYRING, type PatientKeyring } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';

type SealedFields = typeof CLAIM_SEALED_FIELDS;
/** A sealed field of a claim, by its name in CLAIM_SEALED_FIELDS (`rejectionNote`) or by its bound field (`rejection.note`). */
export type ClaimSealedField = keyof SealedFields | SealedFields[keyof SealedFields];

const boundField = (field: ClaimSealedField): string => (field in CLAIM_SEALED_FIELDS ? CLAIM_SEALED_FIELDS[field as keyof SealedFields] : field);

/** Where a claim's free text is bound: its row and field (`fieldAad('claim:<id>', 'rejection.note')`). */
export const claimTextAad = (claimId: string, field: ClaimSealedField): string => fieldAad(`claim:${claimId}`, boundField(field));

/** Where the enrolment bound the identity a claim carries (claims.v1.ts): the claim keeps that ciphertext as it is. */
export const claimIdentityAad = (enrolmentId: string): string => fieldAad(`enrolment:${enrolmentId}`, ENROLMENT_SEALED_FIELDS.identity);

/**
 * The one place a claim's personal data is sealed or opened, under its
 * patient's own data key: the free texts of its steps (a processor's note, a
 * contest, a cancellation's reason) and, only to submit it to the AMO, the
 * identity the enrolment sealed. After the patient's erasure everything
 * reads ERASED.
 */
@Injectable()
export class ClaimSealing {
  constructor(@Inject(PATIENT_KEYRING) private readonly keyring: PatientKeyring) {}

  async seal(pseudonym: string, claimId: string, field: ClaimSealedField, text: string, tx: Transaction): Promise<SealedTextV1> {
    const sealer = await this.keyring.sealerFor(pseudonym, tx);
    return sealer.sealText(text, claimTextAad(claimId, field));
  }

  /** A text in clear, for those who see the claim; ERASED once the patient is. */
  async open(pseudonym: string, claimId: string, field: ClaimSealedField, sealed: Pick<SealedTextV1, 'ciphertext'>, tx?: Transaction): Promise<string> {
    const opener = await this.keyring.openerFor(pseudonym, tx);
    const opened = opener.openText(sealed, claimTextAad(claimId, field));
    return opened === ERASED ? ERASED : opened.text;
  }

  /** The identity the AMO needs (NIR, birth date), opened just for the call; ERASED when the patient was erased. Never log it. */
  async identityOf(enrolmentId: string, pseudonym: string, identityEncrypted: string | null, tx?: Transaction): Promise<PatientIdentityV1 | Erased> {
    if (!identityEncrypted || identityEncrypted === ERASED) return ERASED;
    const opener = await this.keyring.openerFor(pseudonym, tx);
    const identity = opener.decrypt(identityEncrypted, claimIdentityAad(enrolmentId));
    return identity === ERASED ? ERASED : (JSON.parse(identity) as PatientIdentityV1);
  }
}
