/** Vocabularies of API.md that more than one bounded context speaks. */
export const INDICATION_CODES = [
  'HEART_FAILURE',
  'CHRONIC_RESPIRATORY_FAILURE',
  'CHRONIC_KIDNEY_FAILURE',
  'DIABETES',
  'IMPLANTED_CARDIAC_DEVICE',
] as const;
export type IndicationCode = (typeof INDICATION_CODES)[number];

export const CONNECTIVITIES = ['LPWAN', 'CELLULAR_4G', 'CELLULAR_5G', 'BLE_GATEWAY', 'WIFI', 'WIRED'] as const;
export type Connectivity = (typeof CONNECTIVITIES)[number];

/** INS sex trait: F, M, or U (unknown). */
export const PATIENT_SEXES = ['F', 'M', 'U'] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number];
