import { DEVICE_CERTIFICATION_EVENTS_V1, type EventEnvelope } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { IdempotentConsumerFactory } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Notifier } from '../commands/notifier';
import { messages } from '../domain/notification-messages';
import { ruleFor } from '../domain/notification-rules';
import { DeviceAudiencesRepository } from '../projections/device-audiences.repository';
import { DeviceAlerts } from './device-alerts';

export const DEVICE_CONSUMER_PURPOSE = Symbol('DEVICE_CONSUMER_PURPOSE');

/**
 * device-certification.events.v1: who registered each device (its vendor is
 * told the review's decision), and the suspensions and revocations its
 * prescribers must know (DeviceAlerts).
 */
@Injectable()
export class DeviceCertificationConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly devices: DeviceAudiencesRepository,
    private readonly alerts: DeviceAlerts,
    private readonly notifier: Notifier,
    @Inject(DEVICE_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({ purpose: this.purpose, contract: DEVICE_CERTIFICATION_EVENTS_V1 })
      .on('DeviceRegistered', ({ data, version }, { manager }) => this.devices.product(manager, data.deviceId, data.product, version))
      .on('DeviceUpdated', ({ streamId, data, version }, { manager }) => this.devices.product(manager, streamId, data.product, version))
      .on('DeviceCertified', (event, { manager }) => this.reviewDecided(manager, event, 'CERTIFIED', `certified until ${event.data.validUntil}, LPP ${event.data.lppCode}`))
      .on('DeviceRecertified', (event, { manager }) =>
        this.reviewDecided(manager, event, 'RECERTIFIED', `certified until ${event.data.validUntil}, LPP ${event.data.lppCode}`),
      )
      .on('DeviceRejected', (event, { manager }) => this.reviewDecided(manager, event, 'REJECTED', `${event.data.reasons.length} reason(s) in the review`))
      .on('DeviceSuspended', (event, { manager }) => this.alerts.alerted(manager, alertOf(event, 'DeviceSuspended')))
      .on('DeviceRevoked', (event, { manager }) => this.alerts.alerted(manager, alertOf(event, 'DeviceRevoked')));
  }

  private async reviewDecided(tx: Transaction, event: EventEnvelope<object>, decision: 'CERTIFIED' | 'RECERTIFIED' | 'REJECTED', detail: string): Promise<void> {
    const rule = ruleFor('device-certification', event.type, event.data);
    const device = await this.devices.get(tx, event.streamId);
    if (!rule || !device) return;
    await this.notifier.tell(tx, event, rule, [
      {
        recipient: { kind: 'org', org: device.vendorOrg },
        subject: `device:${event.streamId}`,
        relatedSubjects: [],
        message: messages.reviewDecided(device, decision, detail),
      },
    ]);
  }
}

const alertOf = (event: EventEnvelope<object>, eventType: 'DeviceSuspended' | 'DeviceRevoked') => ({
  eventId: event.id,
  deviceId: event.streamId,
  eventType,
  occurredAt: event.occurredAt,
  correlationId: event.correlationId,
});
