import type { Actor, SealedTextV1, SubjectRef } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import { disclosable } from '@app/event-sourcing/decider/disclosable';
import { physicianReader } from '@app/event-sourcing/disclosures/disclosure-readers';
import { cancellationReasonAad, justificationAad, type SealedRow } from './prescription-fields';
import type { DeviceFacts } from './device-facts/certification-fact';
import type { Evaluation } from './evaluation/evaluation.types';
import type { PrescriptionEvent, PrescriptionIssuedData } from './prescription.events';
import type { PrescriptionState } from './prescription.state';

/** The rules version an audit entry names: the HAS referential version the decision was checked against. */
export const rulesVersionOf = (referentialVersion: string): string => `has-referential/${referentialVersion}`;

const decisions: Record<PrescriptionEvent['type'], string> = {
  PrescriptionIssued: 'ISSUED',
  PrescriptionCancelled: 'CANCELLED',
  PrescriptionExpired: 'EXPIRED',
};

/** Who besides auditors may read a prescription's free text in a dossier: its prescriber. */
const readersOf = (prescriberRpps: string) => [physicianReader(prescriberRpps)];

/** Overrides as an entry holds them: each justification's commitment, its text kept aside for disclosure. */
function disclosedOverrides(row: SealedRow, pseudonym: string, prescriberRpps: string, overrides: readonly { ruleId: string; justification: SealedTextV1 }[]) {
  return overrides.map(({ ruleId, justification }) => ({
    ruleId,
    justification: disclosable(justification, { aad: justificationAad(row, ruleId), pseudonym, readers: readersOf(prescriberRpps) }),
  }));
}

/**
 * One step's audit entry. The evidence of an issue is the evaluation, the
 * overrides (they engage the prescriber: each justification as its
 * commitment, the text disclosed in the dossier) and the device certification
 * relied on; never the patient's identity or clinical data. Every entry names
 * the patient's pseudonym, so a patient's entries can be found and exported.
 */
export function prescriptionAuditDraft(id: string, events: PrescriptionEvent[], state: PrescriptionState, actor: Actor): AuditDraft {
  const last = events[events.length - 1];
  const issued = state.status === 'NONE' ? null : state.issued;
  const row = `prescription:${id}` as const;
  const relatedSubjects: SubjectRef[] = issued
    ? [
        `device:${issued.device.id}`,
        ...(issued.renewalOf ? [`prescription:${issued.renewalOf}` as const] : []),
        `patient:${issued.patient.pseudonym}`,
      ]
    : [];
  const evidence: Record<string, unknown> =
    last.type === 'PrescriptionIssued'
      ? {
          referentialVersion: last.data.referentialVersion,
          evaluation: last.data.evaluation,
          overrides: disclosedOverrides(row, last.data.patient.pseudonym, last.data.prescriber.rpps, last.data.overrides),
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
      : { status: state.status, event: { type: last.type, data: stepData(last, row, issued) } };
  return {
    actor,
    action: `prescription.${decisions[last.type].toLowerCase()}`,
    subject: row,
    relatedSubjects,
    decision: decisions[last.type],
    evidence,
    ...(issued ? { rulesVersion: rulesVersionOf(issued.referentialVersion) } : {}),
  };
}

/** A later step's event as the entry holds it: a cancellation's reason as its commitment. */
function stepData(event: PrescriptionEvent, row: SealedRow, issued: PrescriptionIssuedData | null): unknown {
  if (event.type !== 'PrescriptionCancelled' || !issued) return event.data;
  const reason = disclosable(event.data.reason, {
    aad: cancellationReasonAad(row),
    pseudonym: issued.patient.pseudonym,
    readers: readersOf(issued.prescriber.rpps),
  });
  return { ...event.data, reason };
}

/** The audit entry of a refused attempt: the prescriber tried, the referential refused. Part of the liability record. */
export function refusedAttemptAuditDraft(input: {
  attemptId: string;
  patientPseudonym: string;
  deviceId: string;
  renewalOf: string | null;
  prescriber: { rpps: string; specialty: string };
  evaluation: Evaluation;
  overrides: { ruleId: string; justification: SealedTextV1 }[];
  unjustified: string[];
  device: DeviceFacts | null;
  actor: Actor;
}): AuditDraft {
  const row = `attempt:${input.attemptId}` as const;
  return {
    actor: input.actor,
    action: 'prescription.refused',
    subject: row,
    relatedSubjects: [
      `device:${input.deviceId}`,
      ...(input.renewalOf ? [`prescription:${input.renewalOf}` as const] : []),
      `patient:${input.patientPseudonym}`,
    ],
    decision: 'REFUSED',
    evidence: {
      referentialVersion: input.evaluation.referentialVersion,
      evaluation: input.evaluation.results,
      overrides: disclosedOverrides(row, input.patientPseudonym, input.prescriber.rpps, input.overrides),
      unjustifiedWarnings: input.unjustified,
      prescriber: input.prescriber,
      deviceCertification: input.device,
    },
    rulesVersion: rulesVersionOf(input.evaluation.referentialVersion),
  };
}
