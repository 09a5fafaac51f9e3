import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { ReinstateDeviceCommand } from './reinstate-device.command';

/** An evaluation body lifts a suspension, unless the certification's validity ended meanwhile. */
@CommandHandler(ReinstateDeviceCommand)
export class ReinstateDeviceHandler implements ICommandHandler<ReinstateDeviceCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ deviceId, reason, evaluatorOrg, context }: ReinstateDeviceCommand): Promise<DeviceView> {
    const command = { type: 'ReinstateDevice' as const, reason, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
