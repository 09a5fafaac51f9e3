import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { DeviceTextSealer } from '../device-text.sealer';
import { CertifyDeviceCommand } from './certify-device.command';

/** An evaluation body certifies a SUBMITTED product on terms the certification rules accept. */
@CommandHandler(CertifyDeviceCommand)
export class CertifyDeviceHandler implements ICommandHandler<CertifyDeviceCommand, DeviceView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly device: DeviceAggregate,
    private readonly texts: DeviceTextSealer,
  ) {}

  execute({ input: { deviceId, terms, evaluatorOrg }, context }: CertifyDeviceCommand): Promise<DeviceView> {
    const notes = this.texts.sealOptional(deviceId, 'DeviceCertified', 'notes', terms.notes);
    const command = { type: 'CertifyDevice' as const, ...terms, notes, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
