import { ageOn } from '@app/fr-health';
import { pass, warn, type HasRule } from './rule.types';

export const ADULT_PATIENT = 'ADULT_PATIENT';

/**
 * The referential was written for adults: a minor is possible, on the
 * prescriber's justification. Messages give no age: they travel in events.
 */
export const adultPatient: HasRule = ({ patient, prescriptionDate }, referential) => {
  const age = ageOn(patient.birthDate, prescriptionDate);
  if (age < referential.adultAgeYears) {
    return warn(ADULT_PATIENT, `The patient is under ${referential.adultAgeYears} on the prescription date: remote monitoring is validated for adults.`);
  }
  return pass(ADULT_PATIENT, `The patient is ${referential.adultAgeYears} or older.`);
};
