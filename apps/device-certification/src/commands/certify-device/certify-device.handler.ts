import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { CertifyDeviceCommand } from './certify-device.command';

/** An evaluation body certifies a SUBMITTED product on terms the certification rules accept. */
@CommandHandler(CertifyDeviceCommand)
export class CertifyDeviceHandler implements ICommandHandler<CertifyDeviceCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ input: { deviceId, terms, evaluatorOrg }, context }: CertifyDeviceCommand): Promise<DeviceView> {
    const command = { type: 'CertifyDevice' as const, ...terms, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
