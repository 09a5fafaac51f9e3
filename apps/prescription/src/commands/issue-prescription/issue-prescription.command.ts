import type { Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { PrescriptionRequestDto } from '../../evaluation/prescription.request.dto';
import type { PrescriptionView } from '../../projections/prescription-view';

/** A physician's request to issue (or renew) a prescription. */
export class IssuePrescriptionCommand extends Command<PrescriptionView> {
  constructor(
    readonly request: PrescriptionRequestDto,
    readonly prescriber: Principal,
    readonly context: CommandContext,
  ) {
    super();
  }
}
