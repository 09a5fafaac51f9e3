import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { IndicationCode } from '../../domain/device-product';
import type { DeviceView } from '../../projections/device-view';

/** The terms an evaluation body grants a SUBMITTED product. */
export interface CertificationTerms {
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
  notes?: string;
}

export class CertifyDeviceCommand extends Command<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly terms: CertificationTerms,
    readonly evaluatorOrg: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
