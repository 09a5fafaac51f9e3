import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';

export class ExpireCertificationCommand extends Command<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
