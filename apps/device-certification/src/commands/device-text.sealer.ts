import type { SealedTextV1 } from '@app/contracts';
import { SERVICE_TEXT_SEALER, type ServiceTextSealer } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { deviceTextAad, type DeviceTextEventType } from '../domain/device-texts';

/**
 * Seals an evaluator's free text before it reaches the decider, under the
 * service's text key and bound to its device and field: events, Kafka and
 * the audit entry never see it in clear (the entry holds its commitment).
 */
@Injectable()
export class DeviceTextSealer {
  constructor(@Inject(SERVICE_TEXT_SEALER) private readonly sealer: ServiceTextSealer) {}

  seal(deviceId: string, type: DeviceTextEventType, field: string, text: string): SealedTextV1 {
    return this.sealer.sealText(text, deviceTextAad(deviceId, type, field));
  }

  /** An optional text (a certification's notes): absent or empty stays absent. */
  sealOptional(deviceId: string, type: DeviceTextEventType, field: string, text: string | undefined): SealedTextV1 | undefined {
    return text ? this.seal(deviceId, type, field, text) : undefined;
  }
}
