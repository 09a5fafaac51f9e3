import { ENROLMENT_SEALED_FIELDS } from '@app/contracts';
import { fieldAad } from '@app/fr-health';

/** The row an enrolment's ciphertexts are bound to. */
export type EnrolmentRow = `enrolment:${string}`;

export const enrolmentRow = (enrolmentId: string): EnrolmentRow => `enrolment:${enrolmentId}`;
export const identityAad = (enrolmentId: string): string => fieldAad(enrolmentRow(enrolmentId), ENROLMENT_SEALED_FIELDS.identity);
export const reasonAad = (enrolmentId: string, step: 'suspension' | 'end', at: string): string =>
  fieldAad(enrolmentRow(enrolmentId), ENROLMENT_SEALED_FIELDS.reason(step, at));
