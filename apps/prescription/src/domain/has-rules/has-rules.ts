import { ADULT_PATIENT, adultPatient } from './adult-patient.rule';
import { CERTIFICATION_OUTLASTS, certificationOutlasts } from './certification-outlasts.rule';
import { CONNECTIVITY_FITS_USE, connectivityFitsUse } from './connectivity-fits-use.rule';
import { DEVICE_CERTIFIED, deviceCertified } from './device-certified.rule';
import { DURATION, duration } from './duration.rule';
import { HOME_COVERAGE, homeCoverage } from './home-coverage.rule';
import { INDICATION_CERTIFIED, indicationCertified } from './indication-certified.rule';
import { NO_DUPLICATE, noDuplicate } from './no-duplicate.rule';
import { PATIENT_ELIGIBILITY, patientEligibility } from './patient-eligibility.rule';
import { PRESCRIBER_SPECIALTY, prescriberSpecialty } from './prescriber-specialty.rule';
import type { HasRule } from './rule.types';

/** Every rule ever written, by id; a referential version lists those it uses. */
export const HAS_RULES: Readonly<Record<string, HasRule>> = {
  [DEVICE_CERTIFIED]: deviceCertified,
  [INDICATION_CERTIFIED]: indicationCertified,
  [PRESCRIBER_SPECIALTY]: prescriberSpecialty,
  [PATIENT_ELIGIBILITY]: patientEligibility,
  [CONNECTIVITY_FITS_USE]: connectivityFitsUse,
  [HOME_COVERAGE]: homeCoverage,
  [DURATION]: duration,
  [CERTIFICATION_OUTLASTS]: certificationOutlasts,
  [NO_DUPLICATE]: noDuplicate,
  [ADULT_PATIENT]: adultPatient,
};

export const RULE_IDS = Object.keys(HAS_RULES);
