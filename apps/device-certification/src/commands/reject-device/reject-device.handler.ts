import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { DeviceTextSealer } from '../device-text.sealer';
import { RejectDeviceCommand } from './reject-device.command';

/** An evaluation body rejects a SUBMITTED product with its reasons; its vendor may edit it again. */
@CommandHandler(RejectDeviceCommand)
export class RejectDeviceHandler implements ICommandHandler<RejectDeviceCommand, DeviceView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly device: DeviceAggregate,
    private readonly texts: DeviceTextSealer,
  ) {}

  execute({ input: { deviceId, reasons, evaluatorOrg }, context }: RejectDeviceCommand): Promise<DeviceView> {
    const sealed = reasons.map((reason, i) => this.texts.seal(deviceId, 'DeviceRejected', `reasons.${i}`, reason));
    const command = { type: 'RejectDevice' as const, reasons: sealed, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
