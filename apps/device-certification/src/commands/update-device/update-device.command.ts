import { UseCaseCommand } from '@app/event-sourcing';
import type { DeviceProductData } from '../../domain/device-product';
import type { DeviceView } from '../../projections/device-view';

export class UpdateDeviceCommand extends UseCaseCommand<{ deviceId: string; product: DeviceProductData; vendorOrg?: string }, DeviceView> {}
