/** Why a claim or a line is refused (DOMAIN.md "Reimbursement"; `GET /v1/claims/reason-codes`). */
export const REASON_CODES = [
  { code: 'NOT_BILLABLE_DAYS', label: 'Fewer billable days than the minimum, or days that were not billable' },
  { code: 'CERTIFICATION_LAPSED', label: "The device's certification was not in force on a billed day" },
  { code: 'NO_CONSENT', label: "No patient consent in force during the period" },
  { code: 'DUPLICATE', label: 'The month was already billed for this patient and indication' },
  { code: 'TARIFF_MISMATCH', label: "No tariff in force, or the device's LPP code is not listed for the indication" },
  { code: 'RIGHTS_CLOSED', label: "The patient's rights are closed" },
  { code: 'IDENTITY_UNKNOWN', label: "The patient's identity cannot be given to the Assurance Maladie" },
  { code: 'OTHER', label: 'Another reason (see the note)' },
] as const;

export type ReasonCode = (typeof REASON_CODES)[number]['code'];

export const isReasonCode = (value: unknown): value is ReasonCode => REASON_CODES.some((reason) => reason.code === value);
