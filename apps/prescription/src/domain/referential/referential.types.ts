import type { Connectivity, HomeCoverage, IndicationCode } from '../vocabulary';

/**
 * One clinical criterion as data. A leaf names a field of `clinical` and what
 * it must be; `label` is how a physician reads it. `all`/`any` combine them.
 */
export type Criterion =
  | { all: Criterion[] }
  | { any: Criterion[] }
  | { field: string; label: string; equals: boolean | number | string }
  | { field: string; label: string; min?: number; max?: number }
  | { field: string; label: string; in: string[] };

export interface IndicationReferential {
  label: string;
  specialties: string[];
  criteria: Criterion;
}

/** A version of the HAS good-practice referential: everything the rules read that is not code. */
export interface Referential {
  version: string;
  inForceFrom: string;
  /** The rules of this version, in the order they are reported. */
  rules: string[];
  durations: { firstMaxMonths: number; renewalMaxMonths: number };
  adultAgeYears: number;
  /** Specialties that may renew any indication, besides the indication's own. */
  renewalAlsoBy: string[];
  criticalAlertsConnectivity: Connectivity[];
  homeCoverage: { localAccess: Connectivity[]; riskyCoverage: HomeCoverage[] };
  indications: Record<IndicationCode, IndicationReferential>;
}
