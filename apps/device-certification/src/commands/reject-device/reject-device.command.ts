import { UseCaseCommand } from '@app/event-sourcing';
import type { DeviceView } from '../../projections/device-view';

export class RejectDeviceCommand extends UseCaseCommand<{ deviceId: string; reasons: string[]; evaluatorOrg?: string }, DeviceView> {}
