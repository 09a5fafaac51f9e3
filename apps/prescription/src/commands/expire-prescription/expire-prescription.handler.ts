import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PrescriptionAggregate } from '../prescription.aggregate';
import { ExpirePrescriptionCommand } from './expire-prescription.command';

/** The platform expires a prescription the day after its end date (the expiry job sends it; no HTTP route). */
@CommandHandler(ExpirePrescriptionCommand)
export class ExpirePrescriptionHandler implements ICommandHandler<ExpirePrescriptionCommand, void> {
  constructor(private readonly pipeline: CommandPipeline, private readonly prescription: PrescriptionAggregate) {}

  async execute({ input: { prescriptionId, today }, context }: ExpirePrescriptionCommand): Promise<void> {
    const command = { type: 'ExpirePrescription' as const, today, now: context.now };
    await this.pipeline.run(this.prescription, { streamId: prescriptionId, command, context });
  }
}
