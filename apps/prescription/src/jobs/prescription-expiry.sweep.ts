import { CLOCK, actOnEachDue, type Clock } from '@app/service-kit';
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
    const correlationId = uuidv7();
    const expired = await actOnEachDue(
      due.map(({ id }) => id),
      (id) => this.commandBus.execute(new ExecutePrescriptionCommand(id, { type: 'ExpirePrescription', now, today }, EXPIRY_ACTOR, correlationId)),
      (id, refusal) => this.logger.warn(`prescription ${id} not expired: ${refusal.code}`),
    );
    if (expired.length > 0) this.logger.log(`expired ${expired.length} prescription(s)`);
    return { expired };
  }
}
