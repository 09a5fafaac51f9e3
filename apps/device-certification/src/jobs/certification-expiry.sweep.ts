import { CLOCK, actOnEachDue, type Clock } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ExecuteDeviceCommand } from '../commands/execute-device-command.command';
import { EXPIRY_ACTOR } from './certification-expiry.queue';

/**
 * Expires every certification past its `validUntil` by the platform clock, one
 * command per device through the same path as an evaluator's action, so each
 * expiry is an event with its audit entry.
 */
@Injectable()
export class CertificationExpirySweep {
  private readonly logger = new Logger(CertificationExpirySweep.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ expired: string[] }> {
    const now = this.clock.now();
    const due = (await this.dataSource.query(
      `SELECT id FROM device_catalogue WHERE status IN ('CERTIFIED', 'SUSPENDED') AND valid_until <= $1 ORDER BY valid_until`,
      [now],
    )) as Array<{ id: string }>;
    const correlationId = uuidv7();
    const expired = await actOnEachDue(
      due.map(({ id }) => id),
      (id) => this.commandBus.execute(new ExecuteDeviceCommand(id, { type: 'ExpireCertification', now }, { actor: EXPIRY_ACTOR }, correlationId)),
      (id, refusal) => this.logger.warn(`device ${id} not expired: ${refusal.code}`),
    );
    if (expired.length > 0) this.logger.log(`expired ${expired.length} certification(s)`);
    return { expired };
  }
}
