import type { DeviceFacts } from '../device-facts/certification-fact';
import type { Referential } from '../referential/referential.types';
import type { ClinicalData, HomeCoverage, IndicationCode, MonitoringMode } from '../vocabulary';

export type RuleOutcome = 'PASS' | 'WARN' | 'BLOCK';

export interface RuleResult {
  ruleId: string;
  outcome: RuleOutcome;
  /** Written for the physician: what was checked and, when not met, what to do. */
  message: string;
}

/** Everything a rule may look at; built before the evaluation, so rules are pure. */
export interface EvaluationInput {
  /** The calendar date of the prescription (Europe/Paris), YYYY-MM-DD. */
  prescriptionDate: string;
  prescriber: { rpps: string; specialty: string };
  patient: { birthDate: string; homeCellularCoverage: HomeCoverage; ald: boolean };
  indication: IndicationCode;
  monitoringMode: MonitoringMode;
  durationMonths: number;
  renewalOf: string | null;
  startDate: string;
  endDate: string;
  /** The device's certification at the prescription instant; null when none is known. */
  device: DeviceFacts | null;
  clinical: ClinicalData;
  /** Ids of the patient's ISSUED prescriptions for the same indication (the renewed one included). */
  issuedForSameIndication: string[];
}

export type HasRule = (input: EvaluationInput, referential: Referential) => RuleResult;

export const pass = (ruleId: string, message: string): RuleResult => ({ ruleId, outcome: 'PASS', message });
export const warn = (ruleId: string, message: string): RuleResult => ({ ruleId, outcome: 'WARN', message });
export const block = (ruleId: string, message: string): RuleResult => ({ ruleId, outcome: 'BLOCK', message });

export const NO_DEVICE_FACTS = 'no certification is known for this device';
