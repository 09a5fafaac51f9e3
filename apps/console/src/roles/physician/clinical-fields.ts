import type { Indication } from './api-types';

/**
 * The clinical fields of DOMAIN.md that document each indication's
 * eligibility. A yes/no field has three states: not documented is not "no"
 * (the referential says "missing" for the one, "not met" for the other).
 */
export type ClinicalField =
  | { name: string; kind: 'yesNo' }
  | { name: string; kind: 'number'; unit?: string; step?: string }
  | { name: string; kind: 'choice'; choices: readonly (string | number)[] };

export const CLINICAL_FIELDS: Record<Indication, readonly ClinicalField[]> = {
  HEART_FAILURE: [
    { name: 'nyhaClass', kind: 'choice', choices: [1, 2, 3, 4] },
    { name: 'hospitalisedForHfWithin12Months', kind: 'yesNo' },
    { name: 'ntProBnpPgMl', kind: 'number', unit: 'pg/mL', step: 'any' },
    { name: 'bnpPgMl', kind: 'number', unit: 'pg/mL', step: 'any' },
  ],
  CHRONIC_RESPIRATORY_FAILURE: [
    { name: 'longTermOxygenTherapy', kind: 'yesNo' },
    { name: 'nonInvasiveVentilation', kind: 'yesNo' },
  ],
  CHRONIC_KIDNEY_FAILURE: [
    { name: 'dialysis', kind: 'yesNo' },
    { name: 'kidneyTransplant', kind: 'yesNo' },
  ],
  DIABETES: [
    { name: 'diabetesType', kind: 'choice', choices: [1, 2] },
    { name: 'insulinTherapy', kind: 'yesNo' },
    { name: 'hba1cPercent', kind: 'number', unit: '%', step: 'any' },
  ],
  IMPLANTED_CARDIAC_DEVICE: [{ name: 'implantedDevice', kind: 'choice', choices: ['PACEMAKER', 'ICD', 'CRT'] }],
};

/**
 * A field's typed value as the API takes it, from the text of its control;
 * undefined when not documented. What does not read as its type is sent as
 * typed, so the API's 400 names the field beside it rather than the console
 * silently dropping it.
 */
export function clinicalValue(field: ClinicalField, text: string): unknown {
  const value = text.trim();
  if (value === '') return undefined;
  switch (field.kind) {
    case 'yesNo':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'number':
      return numberOrText(value);
    case 'choice':
      return field.choices.find((choice) => String(choice) === value) ?? value;
  }
}

function numberOrText(value: string): number | string {
  const number = Number(value.replace(',', '.'));
  return Number.isFinite(number) ? number : value;
}
