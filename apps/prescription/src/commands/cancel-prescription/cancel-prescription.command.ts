import type { Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { PrescriptionView } from '../../projections/prescription-view';

export class CancelPrescriptionCommand extends Command<PrescriptionView> {
  constructor(
    readonly prescriptionId: string,
    readonly reason: string,
    readonly prescriber: Principal,
    readonly context: CommandContext,
  ) {
    super();
  }
}
