import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { SuspendDeviceCommand } from './suspend-device.command';

/** An evaluation body suspends a CERTIFIED product; it stays visible, so that a prescriber learns it. */
@CommandHandler(SuspendDeviceCommand)
export class SuspendDeviceHandler implements ICommandHandler<SuspendDeviceCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ deviceId, reason, evaluatorOrg, context }: SuspendDeviceCommand): Promise<DeviceView> {
    const command = { type: 'SuspendDevice' as const, reason, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
