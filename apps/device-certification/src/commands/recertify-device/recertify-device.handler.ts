import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { DeviceTextSealer } from '../device-text.sealer';
import { RecertifyDeviceCommand } from './recertify-device.command';

/** An evaluation body extends a CERTIFIED product's validity (and may change its certified indications). */
@CommandHandler(RecertifyDeviceCommand)
export class RecertifyDeviceHandler implements ICommandHandler<RecertifyDeviceCommand, DeviceView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly device: DeviceAggregate,
    private readonly texts: DeviceTextSealer,
  ) {}

  execute({ input: { deviceId, terms, evaluatorOrg }, context }: RecertifyDeviceCommand): Promise<DeviceView> {
    const notes = this.texts.sealOptional(deviceId, 'DeviceRecertified', 'notes', terms.notes);
    const command = { type: 'RecertifyDevice' as const, ...terms, notes, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
