import { actorOf, type Principal } from '@app/auth';
import type { DomainError } from '@app/contracts';
import { DeciderCommandRunner, type CommandContext } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { Evaluation } from '../../domain/evaluation/evaluation.types';
import { refusedAttemptAuditDraft } from '../../domain/prescription.audit';
import { PrescriptionErrors } from '../../domain/prescription.errors';
import type { PreparedEvaluation } from '../prescription-evaluator';
import type { PrescriptionRequestDto } from './prescription.request.dto';

/**
 * Audits a refused prescription under a new attempt id (the prescriber tried;
 * the referential refused: part of the liability record) and returns the 422
 * to answer once that entry is committed.
 */
@Injectable()
export class RefusedAttemptRecorder {
  constructor(private readonly runner: DeciderCommandRunner) {}

  async record(
    manager: EntityManager,
    refusal: { request: PrescriptionRequestDto; principal: Principal; prepared: PreparedEvaluation; evaluation: Evaluation; unjustified: string[] },
    context: CommandContext,
  ): Promise<DomainError> {
    const { request, prepared, evaluation, unjustified } = refusal;
    const attemptId = uuidv7();
    await this.runner.recordAudit({
      manager,
      streamId: attemptId,
      streamType: 'attempt',
      context,
      draft: refusedAttemptAuditDraft({
        attemptId,
        deviceId: request.deviceId,
        renewalOf: request.renewalOf ?? null,
        prescriber: prepared.input.prescriber,
        evaluation,
        overrides: request.overrides ?? [],
        unjustified,
        device: prepared.device,
        actor: actorOf(refusal.principal),
      }),
    });
    return PrescriptionErrors.rulesRefused(evaluation, attemptId, unjustified);
  }
}
