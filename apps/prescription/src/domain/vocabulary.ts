/** Vocabularies of API.md "Prescription" and DOMAIN.md (the referential's values live in its data file). */
export { CONNECTIVITIES, INDICATION_CODES, PATIENT_SEXES, type Connectivity, type IndicationCode, type PatientSex } from '@app/contracts';

export const MONITORING_MODES = ['PERIODIC', 'CRITICAL_ALERTS'] as const;
export type MonitoringMode = (typeof MONITORING_MODES)[number];

export const HOME_COVERAGES = ['GOOD', 'POOR', 'NONE', 'UNKNOWN'] as const;
export type HomeCoverage = (typeof HOME_COVERAGES)[number];

export const PRESCRIPTION_STATUSES = ['ISSUED', 'CANCELLED', 'EXPIRED'] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];

export const IMPLANTED_DEVICES = ['PACEMAKER', 'ICD', 'CRT'] as const;

/** The `clinical` object of a prescription request (DOMAIN.md "Clinical fields"); every field is optional. */
export interface ClinicalData {
  nyhaClass?: number;
  hospitalisedForHfWithin12Months?: boolean;
  ntProBnpPgMl?: number;
  bnpPgMl?: number;
  longTermOxygenTherapy?: boolean;
  nonInvasiveVentilation?: boolean;
  dialysis?: boolean;
  kidneyTransplant?: boolean;
  insulinTherapy?: boolean;
  diabetesType?: number;
  hba1cPercent?: number;
  implantedDevice?: (typeof IMPLANTED_DEVICES)[number];
}
