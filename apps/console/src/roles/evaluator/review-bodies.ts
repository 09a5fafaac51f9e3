import { localFieldProblem } from '../../api/api-error';
import type { ReviewBody } from '../../devices/device-api';
import type { IndicationCode } from '../../devices/device-view';
import type { ChecklistItem } from './checklist';
import { endOfParisDay } from '../../format/paris-day';

/** The certification form as typed: `validUntil` is the date input's `YYYY-MM-DD`. */
export interface CertifyForm {
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  notes: string;
}

export interface RecertifyForm {
  validUntil: string;
  notes: string;
}

type CertifyBody = Extract<ReviewBody, { decision: 'CERTIFY' }>;
type RejectBody = Extract<ReviewBody, { decision: 'REJECT' }>;

const optional = <K extends string>(key: K, text: string): Partial<Record<K, string>> => {
  const trimmed = text.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
};

/** A date input's day as the API's `validUntil`, or a refusal under that field: without a day there is nothing to send. */
function validUntilOf(day: string, required: string): string {
  try {
    return endOfParisDay(day.trim());
  } catch {
    throw localFieldProblem('validUntil', required);
  }
}

/**
 * The CERTIFY body of API.md. Only the day is refused here (it must become an
 * instant); the LPP code, the indications and the date's being in the future
 * are the API's to judge, its 422 shown by field.
 */
export function certifyBody(form: CertifyForm, messages: { validUntilRequired: string }): CertifyBody {
  return {
    decision: 'CERTIFY',
    validUntil: validUntilOf(form.validUntil, messages.validUntilRequired),
    lppCode: form.lppCode.trim(),
    certifiedIndications: [...form.certifiedIndications],
    ...optional('notes', form.notes),
  };
}

/** A textarea's reasons, one per line, blank lines dropped. */
export const reasonLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The REJECT body of API.md, or a refusal under `reasons` when no line says why (the API would refuse an empty list). */
export function rejectBody(text: string, messages: { reasonsRequired: string }): RejectBody {
  const reasons = reasonLines(text);
  if (reasons.length === 0) throw localFieldProblem('reasons', messages.reasonsRequired);
  return { decision: 'REJECT', reasons };
}

/** The rejection's first draft: one line per rule not met, in the checklist's order, for the evaluator to edit. */
export const rejectionDraft = (items: readonly ChecklistItem[], sentence: (item: ChecklistItem) => string): string =>
  items
    .filter((item) => item.outcome === 'NOT_MET')
    .map(sentence)
    .join('\n');

/** The one reason of a suspension, a reinstatement or a revocation, or a refusal under `reason`. */
export function reasonOf(text: string, messages: { reasonRequired: string }): string {
  const reason = text.trim();
  if (!reason) throw localFieldProblem('reason', messages.reasonRequired);
  return reason;
}

/** The recertification body of API.md: a later end of validity (the API judges "later"), the certified indications kept. */
export function recertifyBody(form: RecertifyForm, messages: { validUntilRequired: string }): { validUntil: string; notes?: string } {
  return { validUntil: validUntilOf(form.validUntil, messages.validUntilRequired), ...optional('notes', form.notes) };
}
