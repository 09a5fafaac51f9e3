import { checkCriterion, describeCriterion } from './criteria';
import { block, pass, type HasRule } from './rule.types';

export const PATIENT_ELIGIBILITY = 'PATIENT_ELIGIBILITY';

/** The clinical criteria of the indication are met; undocumented ones block with the missing fields named. */
export const patientEligibility: HasRule = ({ indication, clinical }, referential) => {
  const { label, criteria } = referential.indications[indication];
  const required = describeCriterion(criteria);
  const check = checkCriterion(criteria, clinical as Record<string, unknown>);
  if (check.status === 'missing') {
    return block(
      PATIENT_ELIGIBILITY,
      `Eligibility for ${label} is not documented: missing ${check.missingFields.join(', ')}. Required: ${required}.`,
    );
  }
  if (check.status === 'unmet') {
    return block(PATIENT_ELIGIBILITY, `The patient does not meet the criteria for ${label}. Required: ${required}.`);
  }
  return pass(PATIENT_ELIGIBILITY, `The patient meets the criteria for ${label}: ${required}.`);
};
