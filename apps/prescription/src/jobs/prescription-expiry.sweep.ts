import { systemContext } from '@app/event-sourcing';
import { CLOCK, actOnEachDue, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { ExpirePrescriptionCommand } from '../commands/expire-prescription/expire-prescription.command';
import { parisDate } from '../domain/prescription-dates';
import { PrescriptionsRepository } from '../projections/prescriptions.repository';
import { EXPIRY_ACTOR } from './prescription-expiry.queue';

/**
 * Expires every ISSUED prescription whose end date is before the platform
 * clock's date (Europe/Paris), one command each, so each expiry is an event
 * with its audit entry, and frees the patient's slot.
 */
@Injectable()
export class PrescriptionExpirySweep implements JobHandler<{ expired: string[] }> {
  private readonly logger = new Logger(PrescriptionExpirySweep.name);

  constructor(
    private readonly prescriptions: PrescriptionsRepository,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ expired: string[] }> {
    const context = systemContext(EXPIRY_ACTOR, this.clock.now(), uuidv7());
    const today = parisDate(context.now);
    const expired = await actOnEachDue(
      await this.prescriptions.dueForExpiry(today),
      (prescriptionId) => this.commands.execute(new ExpirePrescriptionCommand({ prescriptionId, today }, context)),
      (prescriptionId, refusal) => this.logger.warn(`prescription ${prescriptionId} not expired: ${refusal.code}`),
    );
    if (expired.length > 0) this.logger.log(`expired ${expired.length} prescription(s)`);
    return { expired };
  }
}
