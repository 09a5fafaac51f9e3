import type { Actor, SubjectRef } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import type { DeviceFacts } from './device-facts/certification-fact';
import type { Evaluation, Override } from './evaluation/evaluation.types';
import type { PrescriptionEvent } from './prescription.events';
import type { PrescriptionState } from './prescription.state';

/** The rules version an audit entry names: the HAS referential version the decision was checked against. */
export const rulesVersionOf = (referentialVersion: string): string => `has-referential/${referentialVersion}`;

const decisions: Record<PrescriptionEvent['type'], string> = {
  PrescriptionIssued: 'ISSUED',
  PrescriptionCancelled: 'CANCELLED',
  PrescriptionExpired: 'EXPIRED',
};

/**
 * One step's audit entry. The evidence of an issue is the evaluation, the
 * overrides with their justifications (they engage the prescriber) and the
 * device certification relied on; never the patient's identity or clinical data.
 */
export function prescriptionAuditDraft(id: string, events: PrescriptionEvent[], state: PrescriptionState, actor: Actor): AuditDraft {
  const last = events[events.length - 1];
  const issued = state.status === 'NONE' ? null : state.issued;
  const relatedSubjects: SubjectRef[] = issued
    ? [`device:${issued.device.id}`, ...(issued.renewalOf ? [`prescription:${issued.renewalOf}` as const] : [])]
    : [];
  const evidence: Record<string, unknown> =
    last.type === 'PrescriptionIssued'
      ? {
          referentialVersion: last.data.referentialVersion,
          evaluation: last.data.evaluation,
          overrides: last.data.overrides,
          deviceCertification: last.data.deviceCertification,
          prescriber: last.data.prescriber,
          operatorOrg: last.data.operatorOrg,
          indication: last.data.indication,
          monitoringMode: last.data.monitoringMode,
          durationMonths: last.data.durationMonths,
          startDate: last.data.startDate,
          endDate: last.data.endDate,
          renewalOf: last.data.renewalOf,
        }
      : { status: state.status, event: { type: last.type, data: last.data } };
  return {
    actor,
    action: `prescription.${decisions[last.type].toLowerCase()}`,
    subject: `prescription:${id}`,
    relatedSubjects,
    decision: decisions[last.type],
    evidence,
    ...(issued ? { rulesVersion: rulesVersionOf(issued.referentialVersion) } : {}),
  };
}

/** The audit entry of a refused attempt: the prescriber tried, the referential refused. Part of the liability record. */
export function refusedAttemptAuditDraft(input: {
  attemptId: string;
  deviceId: string;
  renewalOf: string | null;
  prescriber: { rpps: string; specialty: string };
  evaluation: Evaluation;
  overrides: Override[];
  unjustified: string[];
  device: DeviceFacts | null;
  actor: Actor;
}): AuditDraft {
  return {
    actor: input.actor,
    action: 'prescription.refused',
    subject: `attempt:${input.attemptId}`,
    relatedSubjects: [`device:${input.deviceId}`, ...(input.renewalOf ? [`prescription:${input.renewalOf}` as const] : [])],
    decision: 'REFUSED',
    evidence: {
      referentialVersion: input.evaluation.referentialVersion,
      evaluation: input.evaluation.results,
      overrides: input.overrides,
      unjustifiedWarnings: input.unjustified,
      prescriber: input.prescriber,
      deviceCertification: input.device,
    },
    rulesVersion: rulesVersionOf(input.evaluation.referentialVersion),
  };
}
