import { UseCaseCommand } from '@app/event-sourcing';
import type { IndicationCode } from '../../domain/device-product';
import type { DeviceView } from '../../projections/device-view';

export interface RecertificationTerms {
  validUntil: string;
  certifiedIndications?: IndicationCode[];
  notes?: string;
}

export class RecertifyDeviceCommand extends UseCaseCommand<{ deviceId: string; terms: RecertificationTerms; evaluatorOrg?: string }, DeviceView> {}
