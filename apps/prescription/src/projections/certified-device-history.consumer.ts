import type { EventEnvelope } from '@app/contracts';
import { TOPICS } from '@app/contracts';
import { IdempotentConsumerFactory, type HandlerContext } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { CertificationFact } from '../domain/device-facts/certification-fact';
import { GRANTING_EVENTS, STATUS_EVENTS, type DeviceCertificationGranted } from '../messaging/device-certification.events';
import { CertifiedDeviceHistory } from './certified-device-history.repository';

export const DEVICE_HISTORY_CONSUMER_PURPOSE = Symbol('DEVICE_HISTORY_CONSUMER_PURPOSE');

function termsOf(data: DeviceCertificationGranted): CertificationFact['terms'] {
  return {
    validFrom: data.validFrom,
    validUntil: data.validUntil,
    certifiedIndications: data.certifiedIndications,
    connectivity: data.connectivity,
    udiDi: data.udiDi,
    lppCode: data.lppCode,
  };
}

/** Keeps every certification fact of every device, with its date and position, from the device topic. */
@Injectable()
export class CertifiedDeviceHistoryConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    @Inject(DEVICE_HISTORY_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    const consumer = this.consumers.create({ purpose: this.purpose, topics: [TOPICS.deviceCertification] });
    for (const type of GRANTING_EVENTS) {
      consumer.on<DeviceCertificationGranted>(type, (envelope, context) => this.record(envelope, context, termsOf(envelope.data)));
    }
    for (const type of STATUS_EVENTS) consumer.on(type, (envelope, context) => this.record(envelope, context));
  }

  private async record(envelope: EventEnvelope<unknown>, { manager, partition, offset }: HandlerContext, terms?: CertificationFact['terms']) {
    await CertifiedDeviceHistory.record(manager, {
      eventId: envelope.id,
      deviceId: envelope.streamId,
      type: envelope.type as CertificationFact['type'],
      version: envelope.version,
      occurredAt: envelope.occurredAt,
      ...(terms ? { terms } : {}),
      kafka: { partition, offset },
    });
  }
}
