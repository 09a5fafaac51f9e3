import { UseCaseCommand } from '@app/event-sourcing';
import type { DeviceView } from '../../projections/device-view';

export class ExpireCertificationCommand extends UseCaseCommand<{ deviceId: string }, DeviceView> {}
