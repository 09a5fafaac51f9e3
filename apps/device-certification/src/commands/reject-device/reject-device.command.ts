import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';

export class RejectDeviceCommand extends Command<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly reasons: string[],
    readonly evaluatorOrg: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
