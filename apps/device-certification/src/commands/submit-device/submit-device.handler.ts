import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { SubmitDeviceCommand } from './submit-device.command';

/** Its vendor submits a DRAFT for evaluation; the conformity rules are checked now, so the vendor learns early. */
@CommandHandler(SubmitDeviceCommand)
export class SubmitDeviceHandler implements ICommandHandler<SubmitDeviceCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ input: { deviceId, vendorOrg }, context }: SubmitDeviceCommand): Promise<DeviceView> {
    const command = { type: 'SubmitDevice' as const, now: context.now, actorOrg: vendorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
