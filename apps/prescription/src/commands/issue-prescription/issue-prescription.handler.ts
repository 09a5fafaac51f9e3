import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { acceptance } from '../../domain/evaluation/acceptance';
import { withDuplicateBlock } from '../../domain/has-rules/no-duplicate.rule';
import { referentialByVersion } from '../../domain/referential/referentials';
import { PrescriptionEvaluator } from '../../evaluation/prescription-evaluator';
import { PrescriptionOpening } from '../../personal-data/prescription-opening';
import { PrescriptionSealing } from '../../personal-data/prescription-sealing';
import { ActivePrescriptionSlotsRepository } from '../../projections/active-prescription-slots.repository';
import type { PrescriptionView } from '../../projections/prescription-view';
import { PrescriptionAggregate } from '../prescription.aggregate';
import { issueDecision } from './issue-decision';
import { IssuePrescriptionCommand } from './issue-prescription.command';
import { refusedAttempt } from './refused-attempt';

/**
 * Evaluate, then issue: no BLOCK and a justification for every WARN, and the
 * patient's slot for the indication taken in the same transaction as the
 * event (the loser of a race waits for the winner's commit, then is refused
 * with NO_DUPLICATE). Every refusal is audited before the 422 leaves.
 */
@CommandHandler(IssuePrescriptionCommand)
export class IssuePrescriptionHandler implements ICommandHandler<IssuePrescriptionCommand, PrescriptionView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly prescription: PrescriptionAggregate,
    private readonly evaluator: PrescriptionEvaluator,
    private readonly slots: ActivePrescriptionSlotsRepository,
    private readonly sealing: PrescriptionSealing,
    private readonly opening: PrescriptionOpening,
  ) {}

  execute({ input: { request, prescriber }, context }: IssuePrescriptionCommand): Promise<PrescriptionView> {
    const id = uuidv7();
    return this.pipeline.transaction(async (unit) => {
      const prepared = await this.evaluator.prepare(request, prescriber, context.now, unit.tx);
      const { evaluation } = prepared;
      const verdict = acceptance(evaluation, request.overrides ?? []);
      const refuse = async (refusal: { evaluation: typeof evaluation; unjustified: string[] }) => {
        const attemptId = uuidv7();
        const seals = await this.sealing.forRow(prepared.patientPseudonym, `attempt:${attemptId}`, unit.tx);
        const { error, audit } = refusedAttempt(attemptId, request, prepared, refusal, seals, context);
        return unit.refuse(error, audit);
      };
      if (!verdict.accepted) return refuse({ evaluation, unjustified: verdict.unjustified });
      const slot = { patientPseudonym: prepared.patientPseudonym, indication: request.indication, prescriptionId: id, renewalOf: request.renewalOf ?? null };
      if (!(await this.slots.claim(unit.tx, slot))) {
        return refuse({ evaluation: withDuplicateBlock(evaluation, referentialByVersion(evaluation.referentialVersion), request.indication), unjustified: [] });
      }
      const seals = await this.sealing.forRow(prepared.patientPseudonym, `prescription:${id}`, unit.tx);
      const command = issueDecision(id, request, prepared, evaluation, verdict.overrides, seals, context.now);
      // The caller is the prescriber: the one who gets the identity back.
      return this.opening.viewWith(prescriber, await unit.execute(this.prescription, { streamId: id, command, context }), seals.opener);
    });
  }
}
