import { systemContext } from '@app/event-sourcing';
import { CLOCK, actOnEachDue, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { ExpireCertificationCommand } from '../commands/expire-certification/expire-certification.command';
import { DeviceCatalogueRepository } from '../projections/device-catalogue.repository';
import { EXPIRY_ACTOR } from './certification-expiry.queue';

/**
 * Expires every certification past its `validUntil` by the platform clock, one
 * command per device through the same path as an evaluator's action, so each
 * expiry is an event with its audit entry.
 */
@Injectable()
export class CertificationExpirySweep implements JobHandler<{ expired: string[] }> {
  private readonly logger = new Logger(CertificationExpirySweep.name);

  constructor(
    private readonly catalogue: DeviceCatalogueRepository,
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ expired: string[] }> {
    const context = systemContext(EXPIRY_ACTOR, this.clock.now(), uuidv7());
    const expired = await actOnEachDue(
      await this.catalogue.dueForExpiry(context.now),
      (deviceId) => this.commands.execute(new ExpireCertificationCommand({ deviceId }, context)),
      (deviceId, refusal) => this.logger.warn(`device ${deviceId} not expired: ${refusal.code}`),
    );
    if (expired.length > 0) this.logger.log(`expired ${expired.length} certification(s)`);
    return { expired };
  }
}
