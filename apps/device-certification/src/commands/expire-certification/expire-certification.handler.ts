import { CommandPipeline } from '@app/event-sourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { DeviceAggregate } from '../device.aggregate';
import { ExpireCertificationCommand } from './expire-certification.command';

/** The platform expires a certification whose validity ended (the expiry job sends it; no HTTP route). */
@CommandHandler(ExpireCertificationCommand)
export class ExpireCertificationHandler implements ICommandHandler<ExpireCertificationCommand, DeviceView> {
  constructor(private readonly pipeline: CommandPipeline, private readonly device: DeviceAggregate) {}

  execute({ input: { deviceId }, context }: ExpireCertificationCommand): Promise<DeviceView> {
    return this.pipeline.run(this.device, { streamId: deviceId, command: { type: 'ExpireCertification', now: context.now }, context });
  }
}
