import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';

export class ExpirePrescriptionCommand extends Command<void> {
  constructor(
    readonly prescriptionId: string,
    /** The platform clock's calendar date in Europe/Paris (YYYY-MM-DD). */
    readonly today: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
