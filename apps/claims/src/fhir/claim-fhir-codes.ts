import { lppCoding, organizationByPlatformId, organizationBySiret, PLATFORM_SYSTEMS, platformUrl } from '@app/fhir';
import { isValidLppCode, isValidSiret } from '@app/fr-health';
import type { CodeableConcept, Coding, Extension, Money, Organization, Reference } from '@medplum/fhirtypes';
import { REASON_CODES } from '../domain/reason-codes';
import type { ClaimLineView, ClaimView } from '../projections/claim-view';

/*
 * What the Claim and ClaimResponse views share: the codes FHIR publishes for
 * them, the platform's own code systems and extensions (platformUrl), and
 * the few mappings both make (a line's product, a payee, an amount).
 */

export const CLAIM_EXTENSIONS = {
  /** The tariff version a claim was priced with (`2023-07`). */
  tariffVersion: platformUrl('StructureDefinition/claim-tariff-version'),
  /** The billable days of the month (the lines are flat: the days are why the month is billable, not a quantity). */
  billableDays: platformUrl('StructureDefinition/claim-billable-days'),
  /** Who a line pays: the OPERATOR line the telemonitoring operator, the TECHNICAL line the device's exploitant. */
  linePayee: platformUrl('StructureDefinition/claim-line-payee'),
  /** The certified product a TECHNICAL line bills (DeviceDefinition/<deviceId>): Claim.item.udi takes only a Device. */
  lineDevice: platformUrl('StructureDefinition/claim-line-device-definition'),
  /** Who refused a claim: the platform's validation, the AMO at submission, or a claims processor. */
  rejectionSource: platformUrl('StructureDefinition/claim-rejection-source'),
  /** The payment's instant (ClaimResponse.payment.date is a date only). */
  paidAt: platformUrl('StructureDefinition/claim-paid-at'),
} as const;

export const CLAIM_CODE_SYSTEMS = {
  /** OPERATOR | TECHNICAL: the two flat fees of a month of remote monitoring. */
  lineKind: platformUrl('CodeSystem/claim-line-kind'),
  /** The operator fee's level code of the tariff table (TVA, TVB). */
  operatorFee: platformUrl('CodeSystem/telemonitoring-operator-fee'),
  /** GET /v1/claims/reason-codes. */
  reason: platformUrl('CodeSystem/claim-reason'),
  /** VALIDATION | AMO | PROCESSOR. */
  rejectionSource: platformUrl('CodeSystem/claim-rejection-source'),
} as const;

export const CLAIM_NAMING_SYSTEMS = {
  operator: PLATFORM_SYSTEMS.operator,
  /** The reference of a payment run's remittance, as the payees read it on their advice. */
  paymentReference: platformUrl('NamingSystem/payment-reference'),
  /** The Assurance Maladie's receipt of a submitted claim. */
  amoReference: platformUrl('NamingSystem/amo-claim-reference'),
} as const;

/**
 * `professional`: remote monitoring is billed as the services of a
 * telemonitoring operator and the supply of a certified device, outside any
 * stay (not `institutional`), pharmacy, oral care or vision.
 */
export const CLAIM_TYPE: CodeableConcept = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional', display: 'Professional' }],
};

export const CLAIM_USE = 'claim' as const;

const ADJUDICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/adjudication';
export type AdjudicationCategory = 'submitted' | 'eligible' | 'eligpercent' | 'benefit';
const ADJUDICATION_DISPLAY: Record<AdjudicationCategory, string> = {
  submitted: 'Submitted Amount',
  eligible: 'Eligible Amount',
  eligpercent: 'Eligible %',
  benefit: 'Benefit Amount',
};
export const adjudicationCategory = (code: AdjudicationCategory): CodeableConcept => ({
  coding: [{ system: ADJUDICATION_SYSTEM, code, display: ADJUDICATION_DISPLAY[code] }],
});

/** Integer cents as FHIR's decimal Money; two decimals are exact in JSON, so no cents extension is needed. */
export const euros = (cents: number): Money => ({ value: cents / 100, currency: 'EUR' });

/** A reason code of GET /v1/claims/reason-codes, with its label; a code the table does not know keeps its code alone. */
export function reasonConcept(code: string): CodeableConcept {
  const known = REASON_CODES.find((reason) => reason.code === code);
  return { coding: [{ system: CLAIM_CODE_SYSTEMS.reason, code, ...(known ? { display: known.label } : {}) }], ...(known ? { text: known.label } : {}) };
}

const LINE_KIND_DISPLAY: Record<ClaimLineView['kind'], string> = { OPERATOR: 'Operator fee', TECHNICAL: 'Technical fee' };

/** The line's kind, as Claim.item.category (the kind of fee, not the product). */
export const lineKindConcept = (kind: ClaimLineView['kind']): CodeableConcept => ({
  coding: [{ system: CLAIM_CODE_SYSTEMS.lineKind, code: kind, display: LINE_KIND_DISPLAY[kind] }],
});

/**
 * What a line bills: the TECHNICAL line the device's LPP code (the tariff
 * table lists LPP codes for the technical fee only), the OPERATOR line the
 * operator fee's level code (TVA, TVB), which no French terminology publishes.
 * A technical line of a device whose code was unknown has its text alone.
 */
export function productOrService(line: Pick<ClaimLineView, 'kind' | 'code'>): CodeableConcept {
  let coding: Coding | null = null;
  if (line.kind === 'TECHNICAL' && isValidLppCode(line.code)) coding = lppCoding(line.code);
  else if (line.kind === 'OPERATOR' && line.code) coding = { system: CLAIM_CODE_SYSTEMS.operatorFee, code: line.code };
  const text = line.kind === 'TECHNICAL' ? `Technical fee${coding ? ` (LPP ${line.code})` : ''}` : `Operator fee${coding ? ` ${line.code}` : ''}`;
  return { ...(coding ? { coding: [coding] } : {}), text };
}

/**
 * A payee as an organisation: the OPERATOR line pays a telemonitoring
 * operator, known by its platform id (the `org` of its tokens); the TECHNICAL
 * line the device's exploitant, known by SIRET. Null for a line without one.
 */
export function payeeReference(line: Pick<ClaimLineView, 'kind' | 'payee'>): Reference<Organization> | null {
  if (!line.payee) return null;
  // The shared builders give a plain Reference; each names an Organization.
  if (line.kind === 'OPERATOR') return organizationByPlatformId(CLAIM_NAMING_SYSTEMS.operator, line.payee) as Reference<Organization>;
  return isValidSiret(line.payee) ? (organizationBySiret(line.payee) as Reference<Organization>) : null;
}

/**
 * The provider (Claim.provider, required): the operator the OPERATOR line
 * pays; a month without an operator fee (past `operatorMaxMonths`) bills the
 * exploitant alone, so it is the provider; a claim that no tariff priced has
 * no line and names no one.
 */
export function claimProvider(claim: Pick<ClaimView, 'lines'>): Reference<Organization> {
  const ordered = [...claim.lines].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'OPERATOR' ? -1 : 1));
  for (const line of ordered) {
    const reference = payeeReference(line);
    if (reference) return reference;
  }
  return { type: 'Organization', display: 'No provider: the claim has no priced line' };
}

/** The lines in a stable order, numbered from 1: Claim.item.sequence and ClaimResponse.item.itemSequence agree. */
export const numberedLines = (claim: Pick<ClaimView, 'lines'>): Array<{ sequence: number; line: ClaimLineView }> =>
  claim.lines.map((line, i) => ({ sequence: i + 1, line }));

export const stringExtension = (url: string, valueString: string): Extension => ({ url, valueString });
