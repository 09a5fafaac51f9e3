import { patientStreamId, type Actor } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import type { PatientEvent } from './patient.events';

/**
 * The audit entry of an erasure, on `patient:<pseudonym>`: its legal basis,
 * the commitment of the admin's note (never the text: it may name the
 * patient, and the ledger is immutable), and how many key generations were
 * destroyed. It names no prescription, so no dossier pulls it in.
 */
export function patientAuditDraft(events: PatientEvent[], actor: Actor): AuditDraft {
  const { data } = events[events.length - 1];
  return {
    actor,
    action: 'patient.erased',
    subject: patientStreamId(data.pseudonym),
    relatedSubjects: [],
    decision: 'ERASED',
    evidence: {
      erasureId: data.erasureId,
      legalBasis: data.legalBasis,
      note: data.note,
      generationsDestroyed: data.generationsDestroyed,
    },
  };
}
