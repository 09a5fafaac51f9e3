import { actorOf } from '@app/auth';
import { TOPICS } from '@app/contracts';
import { DeciderCommandRunner } from '@app/event-sourcing';
import { OutboxSignal } from '@app/messaging';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { acceptance } from '../../domain/evaluation/acceptance';
import { withDuplicateBlock } from '../../domain/has-rules/no-duplicate.rule';
import { prescriptionAuditDraft } from '../../domain/prescription.audit';
import { prescriptionDecider } from '../../domain/prescription.decider';
import { referentialByVersion } from '../../domain/referential/referentials';
import { PrescriptionReadModel } from '../../projections/prescription-read-model.projection';
import type { PrescriptionView } from '../../projections/prescription-view';
import { PatientIdentityCipher } from '../patient-identity.cipher';
import { PrescriptionEvaluator } from '../prescription-evaluator';
import { IssuePrescription } from './issue-prescription.command';
import { RefusedAttemptRecorder } from './refused-attempt.recorder';

/**
 * Evaluate, then issue: no BLOCK and a justification for every WARN, and the
 * patient's slot for the indication taken in the same transaction as the
 * event (the loser of a race waits for the winner's commit, then is refused
 * with NO_DUPLICATE). Every refusal is audited before the 422 leaves.
 */
@CommandHandler(IssuePrescription)
export class IssuePrescriptionHandler implements ICommandHandler<IssuePrescription, PrescriptionView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: DeciderCommandRunner,
    private readonly outboxSignal: OutboxSignal,
    private readonly evaluator: PrescriptionEvaluator,
    private readonly identity: PatientIdentityCipher,
    private readonly refusals: RefusedAttemptRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, correlationId }: IssuePrescription): Promise<PrescriptionView> {
    const now = this.clock.now();
    const id = uuidv7();
    const context = { actor: actorOf(principal), correlationId, causationId: null, now };
    const refused = await this.dataSource.transaction(async (manager) => {
      const prepared = await this.evaluator.prepare(manager, request, principal, now);
      const { input, evaluation, device } = prepared;
      const overrides = request.overrides ?? [];
      const verdict = acceptance(evaluation, overrides);
      if (!verdict.accepted) {
        return this.refusals.record(manager, { request, principal, prepared, evaluation, unjustified: verdict.unjustified }, context);
      }
      const slot = { patientPseudonym: prepared.patientPseudonym, indication: request.indication, prescriptionId: id, renewalOf: input.renewalOf };
      if (!(await PrescriptionReadModel.claimSlot(manager, slot))) {
        const lost = withDuplicateBlock(evaluation, referentialByVersion(evaluation.referentialVersion), request.indication);
        return this.refusals.record(manager, { request, principal, prepared, evaluation: lost, unjustified: [] }, context);
      }
      const result = await this.runner.run({
        manager,
        decider: prescriptionDecider,
        command: {
          type: 'IssuePrescription',
          now,
          evaluation,
          requestedOverrides: overrides,
          device,
          prescription: {
            prescriptionId: id,
            prescriber: input.prescriber,
            patient: {
              pseudonym: prepared.patientPseudonym,
              identityEncrypted: this.identity.encrypt(request.patient),
              ald: request.patient.ald,
              homeCellularCoverage: request.patient.homeCellularCoverage,
            },
            operatorOrg: request.operatorOrg,
            device: { id: request.deviceId, udiDi: device?.udiDi ?? '' },
            indication: request.indication,
            monitoringMode: request.monitoringMode,
            durationMonths: request.durationMonths,
            startDate: input.startDate,
            endDate: input.endDate,
            renewalOf: input.renewalOf,
          },
        },
        streamId: id,
        streamType: 'prescription',
        topic: TOPICS.prescription,
        context,
        audit: ({ events, state }) => prescriptionAuditDraft(id, events, state, context.actor),
      });
      await PrescriptionReadModel.apply(manager, result.state, result.version, now.toISOString());
      return null;
    });
    // Woken only after the commit, refused attempts included (their audit entry is published too).
    this.outboxSignal.notify();
    if (refused) throw refused;
    const [row] = (await this.dataSource.query('SELECT resource FROM prescriptions WHERE id = $1', [id])) as Array<{
      resource: PrescriptionView;
    }>;
    // The caller is the prescriber: the one who may read the identity back.
    return { ...row.resource, patient: { ...row.resource.patient, nir: request.patient.nir, birthDate: request.patient.birthDate } };
  }
}
