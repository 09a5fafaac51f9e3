import type { Audience } from './notification-rules';
import type { Concern } from './notification-concern';
import type { Recipient } from './recipient';

/** An enrolment as a fact about a patient's care names it. */
export interface CareParties {
  enrolmentId: string;
  prescriptionId: string;
  prescriberRpps: string;
  operatorOrg: string;
  pseudonym: string;
}

/** What a fact about one patient's care names besides its subject. */
export const careSubjects = (care: CareParties): string[] => [`prescription:${care.prescriptionId}`, `enrolment:${care.enrolmentId}`, `patient:${care.pseudonym}`];

/** The recipient an audience of an enrolment's fact is: its prescriber, or its operator. */
function careRecipient(audience: Audience, care: CareParties): Recipient | null {
  if (audience === 'PRESCRIBER') return { kind: 'physician', rpps: care.prescriberRpps };
  if (audience === 'OPERATOR_ORG') return { kind: 'org', org: care.operatorOrg };
  return null;
}

/** A fact about an enrolment, told to each of the rule's audiences with the same sentence. */
export function enrolmentConcerns(audiences: readonly Audience[], care: CareParties, message: string): Concern[] {
  return audiences.flatMap((audience) => {
    const recipient = careRecipient(audience, care);
    return recipient ? [{ recipient, subject: `enrolment:${care.enrolmentId}`, relatedSubjects: careSubjects(care), message }] : [];
  });
}

/** A device's fact told to the prescriber of one enrolment on it: one notification per prescription, each in its dossier. */
export const deviceCareConcern = (deviceId: string, care: CareParties, message: string): Concern => ({
  recipient: { kind: 'physician', rpps: care.prescriberRpps },
  subject: `device:${deviceId}`,
  relatedSubjects: careSubjects(care),
  message,
  about: care.prescriptionId,
});
