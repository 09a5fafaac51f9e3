import { DEVICE_CERTIFICATION_EVENTS_V1, type CertificationGrantedV1, type EventEnvelope } from '@app/contracts';
import { IdempotentConsumerFactory, type HandlerContext } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CERTIFICATION_FACT_TYPES, type CertificationFact, type CertificationFactType } from '../domain/device-facts/certification-fact';
import { CertifiedDeviceHistoryRepository } from '../projections/certified-device-history.repository';

export const DEVICE_HISTORY_CONSUMER_PURPOSE = Symbol('DEVICE_HISTORY_CONSUMER_PURPOSE');

function termsOf({ validFrom, validUntil, certifiedIndications, connectivity, udiDi, lppCode }: CertificationGrantedV1): CertificationFact['terms'] {
  return { validFrom, validUntil, certifiedIndications, connectivity, udiDi, lppCode };
}

/**
 * Keeps every certification fact of every device, with its date and position,
 * from device-certification.events.v1: "certified for what on date D" is then
 * answered locally, never by calling the other service.
 */
@Injectable()
export class DeviceCertificationConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly history: CertifiedDeviceHistoryRepository,
    @Inject(DEVICE_HISTORY_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    const consumer = this.consumers.create({ purpose: this.purpose, topics: [DEVICE_CERTIFICATION_EVENTS_V1.topic] });
    for (const type of CERTIFICATION_FACT_TYPES) consumer.on(type, (envelope, context) => this.record(envelope, context));
  }

  private async record(envelope: EventEnvelope, { manager, partition, offset }: HandlerContext): Promise<void> {
    const type = envelope.type as CertificationFactType;
    const granting = type === 'DeviceCertified' || type === 'DeviceRecertified';
    await this.history.record(manager, {
      eventId: envelope.id,
      deviceId: envelope.streamId,
      type,
      version: envelope.version,
      occurredAt: envelope.occurredAt,
      ...(granting ? { terms: termsOf(envelope.data as unknown as CertificationGrantedV1) } : {}),
      kafka: { partition, offset },
    });
  }
}
