import type { PatientIdentityV1, SealedTextV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { PATIENT_KEYRING, type PatientKeyring, type PatientOpener } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { cancellationReasonAad, identityAad, identityPlaintext, justificationAad, type SealedRow } from '../domain/prescription-fields';

/** What a step of one row encrypts under its patient's data key. */
export interface PrescriptionSeals {
  identity(patient: PatientIdentityV1): string;
  justification(ruleId: string, text: string): SealedTextV1;
  cancellationReason(text: string): SealedTextV1;
  /** Opens what the row holds, for the step's answer: from the same read of the patient's keys as the seals. */
  readonly opener: PatientOpener;
}

/**
 * The one place a prescription's personal data is encrypted: identity and
 * free text under the patient's own data key (issued in the step's
 * transaction for a first prescription), each ciphertext bound to its row and field.
 */
@Injectable()
export class PrescriptionSealing {
  constructor(@Inject(PATIENT_KEYRING) private readonly keyring: PatientKeyring) {}

  async forRow(pseudonym: string, row: SealedRow, tx: Transaction): Promise<PrescriptionSeals> {
    const { sealer, opener } = await this.keyring.keysFor(pseudonym, tx);
    return {
      opener,
      identity: (patient) => sealer.encrypt(identityPlaintext(patient), identityAad(row)),
      justification: (ruleId, text) => sealer.sealText(text, justificationAad(row, ruleId)),
      cancellationReason: (text) => sealer.sealText(text, cancellationReasonAad(row)),
    };
  }
}
