import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { ChangeCertificationStatusCommand } from './change-certification-status.command';

/**
 * An evaluation body suspends a CERTIFIED product (it stays visible, so that
 * a prescriber learns it), lifts a suspension unless the validity ended
 * meanwhile, or revokes a certified or suspended product for good.
 */
@CommandHandler(ChangeCertificationStatusCommand)
export class ChangeCertificationStatusHandler implements ICommandHandler<ChangeCertificationStatusCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ input: { deviceId, change, reason, evaluatorOrg }, context }: ChangeCertificationStatusCommand): Promise<DeviceView> {
    const command = { type: change, reason, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
