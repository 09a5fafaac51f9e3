import { UseCaseCommand } from '@app/event-sourcing';
import type { IndicationCode } from '../../domain/device-product';
import type { DeviceView } from '../../projections/device-view';

/** The terms an evaluation body grants a SUBMITTED product. */
export interface CertificationTerms {
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  notes?: string;
}

export class CertifyDeviceCommand extends UseCaseCommand<{ deviceId: string; terms: CertificationTerms; evaluatorOrg?: string }, DeviceView> {}
