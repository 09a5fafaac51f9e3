import { ASSURANCE_MALADIE, patientReference } from '@app/fhir';
import type { Claim, ClaimItem, ClaimRelated, Extension, Period } from '@medplum/fhirtypes';
import { parsePeriod } from '../../domain/billing/period';
import type { ClaimView } from '../../projections/claim-view';
import {
  CLAIM_EXTENSIONS,
  CLAIM_TYPE,
  CLAIM_USE,
  claimProvider,
  euros,
  lineKindConcept,
  numberedLines,
  payeeReference,
  productOrService,
  stringExtension,
} from '../claim-fhir-codes';

/** Only a cancelled claim is not in force (fm-status); a rejected one stays `active`, its answer says the rest. */
export const claimFhirStatus = (view: Pick<ClaimView, 'status'>): 'active' | 'cancelled' => (view.status === 'CANCELLED' ? 'cancelled' : 'active');

/** The FHIR codes of `Claim?status=`, as the claim statuses they stand for. */
export const CLAIM_STATUS_OF_FHIR: Record<'active' | 'cancelled', readonly ClaimView['status'][]> = {
  active: ['CREATED', 'SUBMITTED', 'SUBMISSION_FAILED', 'APPROVED', 'REJECTED', 'PAID'],
  cancelled: ['CANCELLED'],
};

const PRIORITY = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal', display: 'Normal' }] };
const PRIOR_CLAIM = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship', code: 'prior', display: 'Prior Claim' }] };

/** The billed month as FHIR dates (Europe/Paris days, both inclusive). */
export function billedMonth(view: Pick<ClaimView, 'period'>): Period {
  const period = parsePeriod(view.period);
  return period ? { start: period.firstDay, end: period.lastDay } : {};
}

/** The days a line covers: the first and last billable day, the month when none is (a correction that bills none). */
function servicedPeriod(view: ClaimView): Period {
  const dates = view.billableDates;
  return dates.length > 0 ? { start: dates[0], end: dates[dates.length - 1] } : billedMonth(view);
}

function item(view: ClaimView, sequence: number, line: ClaimView['lines'][number]): ClaimItem {
  const payee = payeeReference(line);
  const extension: Extension[] = [];
  if (payee) extension.push({ url: CLAIM_EXTENSIONS.linePayee, valueReference: payee });
  if (line.kind === 'TECHNICAL') extension.push({ url: CLAIM_EXTENSIONS.lineDevice, valueReference: { reference: `DeviceDefinition/${view.device.id}` } });
  return {
    ...(extension.length > 0 ? { extension } : {}),
    sequence,
    category: lineKindConcept(line.kind),
    productOrService: productOrService(line),
    servicedPeriod: servicedPeriod(view),
    net: euros(line.amountCents),
  };
}

/**
 * A claim as FHIR R4 `Claim` (id = the claim's id): one month of remote
 * monitoring of one enrolment, billed to the Assurance Maladie under the
 * enrolment's Coverage, on the prescription in force, one item per flat
 * line with its payee. The patient appears by pseudonym only; the free texts
 * (a cancellation's reason) are not carried.
 */
export function claimResource(view: ClaimView): Claim {
  const items = numberedLines(view).map(({ sequence, line }) => item(view, sequence, line));
  const related: ClaimRelated[] = view.correctionOf ? [{ claim: { reference: `Claim/${view.correctionOf}` }, relationship: PRIOR_CLAIM }] : [];
  return {
    resourceType: 'Claim',
    id: view.id,
    meta: { versionId: String(view.version), lastUpdated: view.updatedAt },
    extension: [
      stringExtension(CLAIM_EXTENSIONS.tariffVersion, view.tariffVersion),
      { url: CLAIM_EXTENSIONS.billableDays, valueUnsignedInt: view.billableDays },
    ],
    status: claimFhirStatus(view),
    type: CLAIM_TYPE,
    use: CLAIM_USE,
    patient: patientReference(view.patient.pseudonym),
    billablePeriod: billedMonth(view),
    created: view.createdAt,
    insurer: ASSURANCE_MALADIE,
    provider: claimProvider(view),
    priority: PRIORITY,
    ...(related.length > 0 ? { related } : {}),
    prescription: { reference: `DeviceRequest/${view.prescriptionId}` },
    insurance: [{ sequence: 1, focal: true, coverage: { reference: `Coverage/${view.enrolmentId}` } }],
    ...(items.length > 0 ? { item: items } : {}),
    total: euros(view.totalCents),
  };
}
