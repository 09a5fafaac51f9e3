import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { UpdateDeviceCommand } from './update-device.command';

/** Its vendor edits a DRAFT, or a REJECTED product, which returns it to DRAFT. */
@CommandHandler(UpdateDeviceCommand)
export class UpdateDeviceHandler implements ICommandHandler<UpdateDeviceCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ input: { deviceId, product, vendorOrg }, context }: UpdateDeviceCommand): Promise<DeviceView> {
    const command = { type: 'UpdateDevice' as const, product, now: context.now, actorOrg: vendorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
