import { UseCaseCommand } from '@app/event-sourcing';
import type { DeviceView } from '../../projections/device-view';

export class SubmitDeviceCommand extends UseCaseCommand<{ deviceId: string; vendorOrg?: string }, DeviceView> {}
