import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { RecertifyDeviceCommand } from './recertify-device.command';

/** An evaluation body extends a CERTIFIED product's validity (and may change its certified indications). */
@CommandHandler(RecertifyDeviceCommand)
export class RecertifyDeviceHandler implements ICommandHandler<RecertifyDeviceCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ input: { deviceId, terms, evaluatorOrg }, context }: RecertifyDeviceCommand): Promise<DeviceView> {
    const command = { type: 'RecertifyDevice' as const, ...terms, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
