import { block, pass, type HasRule } from './rule.types';

export const PRESCRIBER_SPECIALTY = 'PRESCRIBER_SPECIALTY';

/** The prescriber's specialty is allowed for the indication; a renewal may also be by a general practitioner. */
export const prescriberSpecialty: HasRule = ({ prescriber, indication, renewalOf }, referential) => {
  const { label, specialties } = referential.indications[indication];
  const allowed = renewalOf ? [...new Set([...specialties, ...referential.renewalAlsoBy])] : specialties;
  if (!allowed.includes(prescriber.specialty)) {
    const what = renewalOf ? 'A renewal' : 'A first prescription';
    return block(
      PRESCRIBER_SPECIALTY,
      `${what} for ${label} must be made by: ${allowed.join(', ')}; your specialty is ${prescriber.specialty || 'not stated'}.`,
    );
  }
  return pass(PRESCRIBER_SPECIALTY, `Your specialty (${prescriber.specialty}) may prescribe for ${label}.`);
};
