import type { CommandContext } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { IndicationCode } from '../../domain/device-product';
import type { DeviceView } from '../../projections/device-view';

export interface RecertificationTerms {
  validUntil: string;
  certifiedIndications?: IndicationCode[];
  notes?: string;
}

export class RecertifyDeviceCommand extends Command<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly terms: RecertificationTerms,
    readonly evaluatorOrg: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
