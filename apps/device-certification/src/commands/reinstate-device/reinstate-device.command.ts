import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';

export class ReinstateDeviceCommand extends Command<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly reason: string,
    readonly evaluatorOrg: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
