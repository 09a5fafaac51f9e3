/**
 * What every FHIR search adds to the visibility rule, over an `enrolments`
 * row: the patient, and the range of `_lastUpdated`. The FHIR views of an
 * enrolment (its Coverage, its Devices, its Consents) are versions of the
 * enrolment, so they are last updated when the enrolment is.
 */
export interface FhirScope {
  patientPseudonym?: string;
  /** Inclusive. */
  updatedFrom?: Date;
  /** Exclusive. */
  updatedTo?: Date;
}

/** The condition on `alias`'s row, its parameters from `$n` to `$n+2` (see `fhirScopeParams`). */
export const fhirScopeSql = (n: number, alias: string): string =>
  `($${n}::text IS NULL OR ${alias}.patient_pseudonym = $${n}) ` +
  `AND ($${n + 1}::timestamptz IS NULL OR ${alias}.updated_at >= $${n + 1}) ` +
  `AND ($${n + 2}::timestamptz IS NULL OR ${alias}.updated_at < $${n + 2})`;

export const fhirScopeParams = (scope: FhirScope): Array<string | Date | null> => [
  scope.patientPseudonym ?? null,
  scope.updatedFrom ?? null,
  scope.updatedTo ?? null,
];
