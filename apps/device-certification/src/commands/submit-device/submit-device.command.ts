import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';

export class SubmitDeviceCommand extends Command<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly vendorOrg: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
