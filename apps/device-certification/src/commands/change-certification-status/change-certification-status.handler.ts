import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import type { DeviceTextEventType } from '../../domain/device-texts';
import { DeviceAggregate } from '../device.aggregate';
import { DeviceTextSealer } from '../device-text.sealer';
import { ChangeCertificationStatusCommand, type StatusChange } from './change-certification-status.command';

/** The event each change records, whose `reason` field the reason is sealed for. */
const RECORDED: Record<StatusChange, DeviceTextEventType> = {
  SuspendDevice: 'DeviceSuspended',
  ReinstateDevice: 'DeviceReinstated',
  RevokeDevice: 'DeviceRevoked',
};

/**
 * An evaluation body suspends a CERTIFIED product (it stays visible, so that
 * a prescriber learns it), lifts a suspension unless the validity ended
 * meanwhile, or revokes a certified or suspended product for good.
 */
@CommandHandler(ChangeCertificationStatusCommand)
export class ChangeCertificationStatusHandler implements ICommandHandler<ChangeCertificationStatusCommand, DeviceView> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly device: DeviceAggregate,
    private readonly texts: DeviceTextSealer,
  ) {}

  execute({ input: { deviceId, change, reason, evaluatorOrg }, context }: ChangeCertificationStatusCommand): Promise<DeviceView> {
    const sealed = this.texts.seal(deviceId, RECORDED[change], 'reason', reason);
    const command = { type: change, reason: sealed, now: context.now, actorOrg: evaluatorOrg };
    return this.pipeline.run(this.device, { streamId: deviceId, command, context });
  }
}
