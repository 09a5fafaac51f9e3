import { ERASED, type Erased, type PatientIdentityV1, PRESCRIPTION_SEALED_FIELDS, type SealedTextV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { fieldAad } from '@app/fr-health';
import { PATIENT_KEYRING, type PatientKeyring } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { identityAad, reasonAad } from '../domain/enrolment-fields';

/**
 * The one place an enrolment's personal data is encrypted, under its
 * patient's own data key: the identity (re-encrypted from the prescription's,
 * bound to the enrolment's row, so the prescription's ciphertext never
 * serves here) and the reasons of its steps.
 */
@Injectable()
export class EnrolmentSealing {
  constructor(@Inject(PATIENT_KEYRING) private readonly keyring: PatientKeyring) {}

  /** The identity a prescription carried, as this enrolment keeps it; ERASED when the patient was erased meanwhile. */
  async identityFromPrescription(pseudonym: string, prescriptionId: string, encrypted: string, enrolmentId: string, tx: Transaction): Promise<string> {
    // One read of the patient's keys for both; never a key issued for a patient whose identity reads erased.
    const { opener, sealer } = await this.keyring.liveKeysFor(pseudonym, tx);
    const identity = opener.decrypt(encrypted, fieldAad(`prescription:${prescriptionId}`, PRESCRIPTION_SEALED_FIELDS.identity));
    if (identity === ERASED) return ERASED;
    // A generation that opens is the live one; the fallback only covers a key store that would say otherwise.
    return (sealer ?? (await this.keyring.sealerFor(pseudonym, tx))).encrypt(identity, identityAad(enrolmentId));
  }

  async reason(pseudonym: string, enrolmentId: string, step: 'suspension' | 'end', at: Date, text: string, tx: Transaction): Promise<SealedTextV1> {
    const sealer = await this.keyring.sealerFor(pseudonym, tx);
    return sealer.sealText(text, reasonAad(enrolmentId, step, at.toISOString()));
  }

  /** The identity this enrolment keeps, opened: what the AMO rights check and the consent's age check need. */
  async identityOf(enrolmentId: string, patient: { pseudonym: string; identityEncrypted: string | null }, tx?: Transaction): Promise<PatientIdentityV1 | Erased> {
    if (!patient.identityEncrypted || patient.identityEncrypted === ERASED) return ERASED;
    const opener = await this.keyring.openerFor(patient.pseudonym, tx);
    const identity = opener.decrypt(patient.identityEncrypted, identityAad(enrolmentId));
    return identity === ERASED ? ERASED : (JSON.parse(identity) as PatientIdentityV1);
  }

  /** A step's reason in clear, for those who see the enrolment; ERASED once the patient is. */
  async openReason(pseudonym: string, enrolmentId: string, step: 'suspension' | 'end', at: string, sealed: SealedTextV1): Promise<string> {
    const opener = await this.keyring.openerFor(pseudonym);
    const opened = opener.openText(sealed, reasonAad(enrolmentId, step, at));
    return opened === ERASED ? ERASED : opened.text;
  }
}
