import { DomainError } from '@app/contracts';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ExecutePrescriptionCommand } from '../commands/execute-prescription-command.command';
import { parisDate } from '../domain/prescription-dates';
import { EXPIRY_ACTOR } from './prescription-expiry.queue';

/**
 * Expires every ISSUED prescription whose end date is before the platform
 * clock's date (Europe/Paris), one command each, so each expiry is an event
 * with its audit entry, and frees the patient's slot.
 */
@Injectable()
export class PrescriptionExpirySweep {
  private readonly logger = new Logger(PrescriptionExpirySweep.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ expired: string[] }> {
    const now = this.clock.now();
    const today = parisDate(now);
    const due = (await this.dataSource.query(
      `SELECT id FROM prescriptions WHERE status = 'ISSUED' AND end_date < $1::date ORDER BY end_date, id`,
      [today],
    )) as Array<{ id: string }>;
    const expired: string[] = [];
    const correlationId = uuidv7();
    for (const { id } of due) {
      try {
        await this.commandBus.execute(
          new ExecutePrescriptionCommand(id, { type: 'ExpirePrescription', now, today }, EXPIRY_ACTOR, correlationId),
        );
        expired.push(id);
      } catch (error) {
        // Cancelled meanwhile, or another replica's sweep got there first: the next sweep sees the new state.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`prescription ${id} not expired: ${error.code}`);
      }
    }
    if (expired.length > 0) this.logger.log(`expired ${expired.length} prescription(s)`);
    return { expired };
  }
}
