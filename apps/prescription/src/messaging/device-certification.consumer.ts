import { DEVICE_CERTIFICATION_EVENTS_V1, type CertificationGrantedV1, type DeviceCertificationEventsV1, type PublishedEnvelope } from '@app/contracts';
import { IdempotentConsumerFactory, type HandlerContext } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { CertificationFact, CertificationFactType } from '../domain/device-facts/certification-fact';
import { CertifiedDeviceHistoryRepository } from '../projections/certified-device-history.repository';

export const DEVICE_HISTORY_CONSUMER_PURPOSE = Symbol('DEVICE_HISTORY_CONSUMER_PURPOSE');

type FactEnvelope = PublishedEnvelope<DeviceCertificationEventsV1, CertificationFactType>;

const termsOf = ({ validFrom, validUntil, certifiedIndications, connectivity, udiDi, lppCode }: CertificationGrantedV1): CertificationFact['terms'] => ({
  validFrom,
  validUntil,
  certifiedIndications,
  connectivity,
  udiDi,
  lppCode,
});

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
    this.consumers
      .create({ purpose: this.purpose, contract: DEVICE_CERTIFICATION_EVENTS_V1 })
      .on('DeviceCertified', (envelope, context) => this.record(envelope, context, termsOf(envelope.data)))
      .on('DeviceRecertified', (envelope, context) => this.record(envelope, context, termsOf(envelope.data)))
      .on('DeviceSuspended', (envelope, context) => this.record(envelope, context))
      .on('DeviceReinstated', (envelope, context) => this.record(envelope, context))
      .on('DeviceRevoked', (envelope, context) => this.record(envelope, context))
      .on('DeviceCertificationExpired', (envelope, context) => this.record(envelope, context));
  }

  private async record(envelope: FactEnvelope, { manager, partition, offset }: HandlerContext, terms?: CertificationFact['terms']): Promise<void> {
    await this.history.record(manager, {
      eventId: envelope.id,
      deviceId: envelope.streamId,
      type: envelope.type,
      version: envelope.version,
      occurredAt: envelope.occurredAt,
      ...(terms ? { terms } : {}),
      kafka: { partition, offset },
    });
  }
}
