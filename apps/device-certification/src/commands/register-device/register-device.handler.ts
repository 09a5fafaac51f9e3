import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { RegisterDeviceCommand } from './register-device.command';

/** A vendor registers one of its products as a DRAFT (only for its own SIRET). */
@CommandHandler(RegisterDeviceCommand)
export class RegisterDeviceHandler implements ICommandHandler<RegisterDeviceCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ input: { deviceId, product, vendorOrg }, context }: RegisterDeviceCommand): Promise<DeviceView> {
    const command = { type: 'RegisterDevice' as const, deviceId, product, now: context.now, actorOrg: vendorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
