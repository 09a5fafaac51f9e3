import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PrescriptionErrors } from '../../domain/prescription.errors';
import { PrescriptionOpening } from '../../personal-data/prescription-opening';
import { PrescriptionSealing } from '../../personal-data/prescription-sealing';
import { PrescriptionsRepository } from '../../projections/prescriptions.repository';
import type { PrescriptionView } from '../../projections/prescription-view';
import { PrescriptionAggregate } from '../prescription.aggregate';
import { CancelPrescriptionCommand } from './cancel-prescription.command';

/** Its prescriber cancels a prescription, with a reason; the patient's slot for the indication is freed. */
@CommandHandler(CancelPrescriptionCommand)
export class CancelPrescriptionHandler implements ICommandHandler<CancelPrescriptionCommand, PrescriptionView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly prescription: PrescriptionAggregate,
    private readonly prescriptions: PrescriptionsRepository,
    private readonly sealing: PrescriptionSealing,
    private readonly opening: PrescriptionOpening,
  ) {}

  execute({ input: { prescriptionId, reason, prescriber }, context }: CancelPrescriptionCommand): Promise<PrescriptionView> {
    return this.pipeline.transaction(async (unit) => {
      // The reason is sealed under the patient's key before the decision; a missing prescription is the admission's 404.
      const pseudonym = await this.prescriptions.patientOf(prescriptionId, unit.tx);
      if (!pseudonym) throw PrescriptionErrors.notFound(prescriptionId);
      const seals = await this.sealing.forRow(pseudonym, `prescription:${prescriptionId}`, unit.tx);
      const command = { type: 'CancelPrescription' as const, reason: seals.cancellationReason(reason), actorRpps: prescriber.rpps, now: context.now };
      return this.opening.viewWith(prescriber, await unit.execute(this.prescription, { streamId: prescriptionId, command, context }), seals.opener);
    });
  }
}
