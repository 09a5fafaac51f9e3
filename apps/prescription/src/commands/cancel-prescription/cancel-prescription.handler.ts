import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IdentityDisclosure } from '../../patient-identity/identity-disclosure';
import type { PrescriptionView } from '../../projections/prescription-view';
import { PrescriptionAggregate } from '../prescription.aggregate';
import { CancelPrescriptionCommand } from './cancel-prescription.command';

/** Its prescriber cancels a prescription, with a reason; the patient's slot for the indication is freed. */
@CommandHandler(CancelPrescriptionCommand)
export class CancelPrescriptionHandler implements ICommandHandler<CancelPrescriptionCommand, PrescriptionView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly prescription: PrescriptionAggregate,
    private readonly disclosure: IdentityDisclosure,
  ) {}

  execute({ input: { prescriptionId, reason, prescriber }, context }: CancelPrescriptionCommand): Promise<PrescriptionView> {
    const command = { type: 'CancelPrescription' as const, reason, actorRpps: prescriber.rpps, now: context.now };
    return this.pipeline.transaction(async (unit) =>
      this.disclosure.viewFor(prescriber, await unit.execute(this.prescription, { streamId: prescriptionId, command, context })),
    );
  }
}
