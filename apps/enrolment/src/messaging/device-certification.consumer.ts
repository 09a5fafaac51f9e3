import { DEVICE_CERTIFICATION_EVENTS_V1, type EventEnvelope } from '@app/contracts';
import { CommandPipeline } from '@app/event-sourcing';
import { IdempotentConsumerFactory, type HandlerContext } from '@app/messaging';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ReactToDeviceReaction, type DeviceStop } from '../commands/react-to-device/react-to-device.reaction';
import type { CertificationInForce } from '../domain/enrolment.commands';
import { DeviceCertificationsRepository } from '../projections/device-certifications.repository';

export const DEVICE_CONSUMER_PURPOSE = Symbol('DEVICE_CONSUMER_PURPOSE');

/**
 * device-certification.events.v1: each product's certification kept here
 * (activation checks it locally), and the enrolments of a product whose
 * certification stops are suspended; a reinstatement lifts what its
 * suspension did. The fact is recorded whatever order the events of two
 * services arrive in: an enrolment created later finds it.
 */
@Injectable()
export class DeviceCertificationConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly pipeline: CommandPipeline,
    private readonly certifications: DeviceCertificationsRepository,
    private readonly reaction: ReactToDeviceReaction,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEVICE_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({ purpose: this.purpose, contract: DEVICE_CERTIFICATION_EVENTS_V1 })
      .on('DeviceCertified', (envelope, context) => this.record(envelope, context, 'CERTIFIED', envelope.data.validUntil))
      .on('DeviceRecertified', (envelope, context) => this.record(envelope, context, 'CERTIFIED', envelope.data.validUntil))
      .on('DeviceSuspended', (envelope, context) => this.stop(envelope, context, 'SUSPENDED', 'DEVICE_SUSPENDED'))
      .on('DeviceRevoked', (envelope, context) => this.stop(envelope, context, 'REVOKED', 'DEVICE_REVOKED'))
      .on('DeviceCertificationExpired', (envelope, context) => this.stop(envelope, context, 'EXPIRED', 'CERTIFICATION_EXPIRED'))
      .on('DeviceReinstated', async (envelope, context) => {
        await this.record(envelope, context, 'CERTIFIED', null);
        await this.reaction.resume(this.pipeline.within(context.manager), envelope, this.clock.now());
      });
  }

  private async stop(envelope: EventEnvelope<unknown>, context: HandlerContext, status: CertificationInForce['status'], cause: DeviceStop) {
    await this.record(envelope, context, status, null);
    await this.reaction.suspend(this.pipeline.within(context.manager), envelope, cause, this.clock.now());
  }

  private record(envelope: EventEnvelope<unknown>, { manager }: HandlerContext, status: CertificationInForce['status'], validUntil: string | null) {
    return this.certifications.record(manager, { deviceId: envelope.streamId, status, validUntil, version: envelope.version, at: envelope.occurredAt });
  }
}
