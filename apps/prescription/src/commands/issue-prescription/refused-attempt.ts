import type { AuditedRefusal, CommandContext } from '@app/event-sourcing';
import type { Evaluation } from '../../domain/evaluation/evaluation.types';
import { refusedAttemptAuditDraft } from '../../domain/prescription.audit';
import { PrescriptionErrors } from '../../domain/prescription.errors';
import type { PreparedEvaluation } from '../../evaluation/prescription-evaluator';
import type { PrescriptionRequestDto } from '../../evaluation/prescription.request.dto';
import type { PrescriptionSeals } from '../../personal-data/prescription-sealing';

/**
 * A refused prescription under a new attempt id: the prescriber tried, the
 * referential refused, and that is part of the liability record. The 422 the
 * prescriber gets names the attempt, whose audit entry commits before it leaves.
 */
export function refusedAttempt(
  attemptId: string,
  request: PrescriptionRequestDto,
  prepared: PreparedEvaluation,
  refusal: { evaluation: Evaluation; unjustified: string[] },
  seals: PrescriptionSeals,
  context: CommandContext,
): { error: Error; audit: AuditedRefusal } {
  const draft = refusedAttemptAuditDraft({
    attemptId,
    patientPseudonym: prepared.patientPseudonym,
    deviceId: request.deviceId,
    renewalOf: request.renewalOf ?? null,
    prescriber: prepared.input.prescriber,
    evaluation: refusal.evaluation,
    overrides: (request.overrides ?? []).map(({ ruleId, justification }) => ({ ruleId, justification: seals.justification(ruleId, justification) })),
    unjustified: refusal.unjustified,
    device: prepared.device,
    actor: context.actor,
  });
  return {
    error: PrescriptionErrors.rulesRefused(refusal.evaluation, attemptId, refusal.unjustified),
    audit: { streamId: attemptId, streamType: 'attempt', draft, context },
  };
}
