import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { DeviceProductData } from '../../domain/device-product';
import type { DeviceView } from '../../projections/device-view';

export class UpdateDeviceCommand extends Command<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly product: DeviceProductData,
    readonly vendorOrg: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
