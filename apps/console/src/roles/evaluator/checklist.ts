import type { DeviceProduct } from '../../devices/device-view';

/** The conformity rules of `certification-rules.ts`, in the order the server checks them. */
export const CONFORMITY_RULES = ['HDS', 'NOTIFIED_BODY', 'ETSI_EN_303_645'] as const;
export type ConformityRule = (typeof CONFORMITY_RULES)[number];

export type ConformityOutcome = 'MET' | 'NOT_MET' | 'NOT_APPLICABLE';

/** One rule held against the vendor's declaration. */
export interface ChecklistItem {
  rule: ConformityRule;
  outcome: ConformityOutcome;
  /** The request body path the API names when it refuses on this rule (its 422 details). */
  field: string;
  /** What the vendor declared as proof: a certificate id, a penetration test report. */
  evidence?: string;
}

/** The evaluator's own ticks: the evidence of each rule looked at, beyond the declaration saying so. */
export type EvidenceChecks = Partial<Record<ConformityRule, boolean>>;

// The server's own set (certification-rules.ts): class I needs no notified body.
const NEEDS_NOTIFIED_BODY: ReadonlySet<string> = new Set(['IIa', 'IIb', 'III']);

const declared = (value: string | undefined): string | undefined => (value ? value : undefined);
const outcome = (applies: boolean, met: boolean): ConformityOutcome => (!applies ? 'NOT_APPLICABLE' : met ? 'MET' : 'NOT_MET');

/**
 * The declaration against the certification rules, one item per rule. A
 * display for the evaluator: it reads the declaration as the server does (a
 * missing or empty certificate is not declared), but the server stays the
 * judge when the evaluator certifies.
 */
export function conformityChecklist(product: Pick<DeviceProduct, 'ceClass' | 'notifiedBodyCertificate' | 'dataHosting' | 'security'>): ChecklistItem[] {
  const hds = declared(product.dataHosting.hdsCertificateId);
  const notifiedBody = declared(product.notifiedBodyCertificate);
  const penTest = declared(product.security.penTestReportRef);
  const items: ChecklistItem[] = [
    { rule: 'HDS', outcome: outcome(product.dataHosting.storage === 'HDS_CLOUD', hds !== undefined), field: 'dataHosting.hdsCertificateId', evidence: hds },
    { rule: 'NOTIFIED_BODY', outcome: outcome(NEEDS_NOTIFIED_BODY.has(product.ceClass), notifiedBody !== undefined), field: 'notifiedBodyCertificate', evidence: notifiedBody },
    { rule: 'ETSI_EN_303_645', outcome: outcome(true, product.security.etsiEn303645), field: 'security.etsiEn303645', evidence: penTest },
  ];
  return items.map((item) => (item.evidence === undefined ? { rule: item.rule, outcome: item.outcome, field: item.field } : item));
}

/** The rules that stand in the way of a certification. */
export const notMet = (items: readonly ChecklistItem[]): ChecklistItem[] => items.filter((item) => item.outcome === 'NOT_MET');

/** The rules met whose evidence the evaluator has not ticked as checked yet. */
export const unchecked = (items: readonly ChecklistItem[], checked: EvidenceChecks): ChecklistItem[] =>
  items.filter((item) => item.outcome === 'MET' && checked[item.rule] !== true);

/** Ready to certify: every applicable rule met, and its evidence checked by the evaluator. */
export const checklistReady = (items: readonly ChecklistItem[], checked: EvidenceChecks): boolean => notMet(items).length === 0 && unchecked(items, checked).length === 0;
