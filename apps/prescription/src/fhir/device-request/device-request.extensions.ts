import { platformUrl } from '@app/fhir';
import type { Extension } from '@medplum/fhirtypes';
import type { PrescriptionView } from '../../projections/prescription-view';

/** The platform's extensions of a DeviceRequest (canonical URLs: they identify, they are not fetched). */
export const DEVICE_REQUEST_EXTENSIONS = {
  /** The certified product prescribed: `code[x]` cannot name a DeviceDefinition, this does. */
  prescribedProduct: platformUrl('StructureDefinition/prescribed-device-definition'),
  /** The HAS referential's verdict the prescription was issued on, and the prescriber's overrides of its WARNs. */
  hasEvaluation: platformUrl('StructureDefinition/has-evaluation'),
  /** Its cancellation by the prescriber (R4's DeviceRequest has no statusReason). */
  cancellation: platformUrl('StructureDefinition/prescription-cancellation'),
} as const;

export const prescribedProductExtension = (deviceId: string): Extension => ({
  url: DEVICE_REQUEST_EXTENSIONS.prescribedProduct,
  valueReference: { reference: `DeviceDefinition/${deviceId}` },
});

/**
 * `referentialVersion`, then one `rule` per result (ruleId, outcome
 * PASS|WARN|BLOCK, message), then one `override` per justified WARN (ruleId,
 * and the justification only when the JSON API shows it to this caller).
 */
export function hasEvaluationExtension({ evaluation, overrides }: Pick<PrescriptionView, 'evaluation' | 'overrides'>): Extension {
  const rules: Extension[] = evaluation.results.map(({ ruleId, outcome, message }) => ({
    url: 'rule',
    extension: [
      { url: 'ruleId', valueCode: ruleId },
      { url: 'outcome', valueCode: outcome },
      { url: 'message', valueString: message },
    ],
  }));
  const justified: Extension[] = overrides.map(({ ruleId, justification }) => ({
    url: 'override',
    extension: [{ url: 'ruleId', valueCode: ruleId }, ...(justification !== undefined ? [{ url: 'justification', valueString: justification }] : [])],
  }));
  return {
    url: DEVICE_REQUEST_EXTENSIONS.hasEvaluation,
    extension: [{ url: 'referentialVersion', valueString: evaluation.referentialVersion }, ...rules, ...justified],
  };
}

/** When it was cancelled, and why when the JSON API tells this caller (its prescriber, auditors). */
export const cancellationExtension = ({ cancelledAt, reason }: NonNullable<PrescriptionView['cancellation']>): Extension => ({
  url: DEVICE_REQUEST_EXTENSIONS.cancellation,
  extension: [{ url: 'cancelledAt', valueDateTime: cancelledAt }, ...(reason !== undefined ? [{ url: 'reason', valueString: reason }] : [])],
});
