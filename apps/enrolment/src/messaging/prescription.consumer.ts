import { PRESCRIPTION_EVENTS_V1 } from '@app/contracts';
import { CommandPipeline } from '@app/event-sourcing';
import { IdempotentConsumerFactory } from '@app/messaging';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CreateEnrolmentReaction } from '../commands/create-enrolment/create-enrolment.reaction';
import { EndWithPrescriptionReaction } from '../commands/end-with-prescription/end-with-prescription.reaction';
import { ExtendEnrolmentReaction } from '../commands/extend-enrolment/extend-enrolment.reaction';

export const PRESCRIPTION_CONSUMER_PURPOSE = Symbol('PRESCRIPTION_CONSUMER_PURPOSE');

/**
 * prescription.events.v1: a first prescription creates its enrolment (and
 * applies the renewals that were waiting for it), a renewal extends it, a
 * cancellation or an expiry ends it. Each in the inbox's transaction, so a
 * redelivered event acts once.
 */
@Injectable()
export class PrescriptionConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly pipeline: CommandPipeline,
    private readonly create: CreateEnrolmentReaction,
    private readonly extend: ExtendEnrolmentReaction,
    private readonly end: EndWithPrescriptionReaction,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PRESCRIPTION_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({ purpose: this.purpose, contract: PRESCRIPTION_EVENTS_V1 })
      .on('PrescriptionIssued', async (envelope, { manager }) => {
        const unit = this.pipeline.within(manager);
        const now = this.clock.now();
        if (envelope.data.renewalOf) return this.extend.run(unit, envelope, now);
        if (await this.create.run(unit, envelope, now)) await this.extend.applyWaitingRenewalsOf(unit, envelope.data.prescriptionId, now);
      })
      .on('PrescriptionCancelled', (envelope, { manager }) =>
        this.end.run(this.pipeline.within(manager), envelope, 'PRESCRIPTION_CANCELLED', this.clock.now()),
      )
      .on('PrescriptionExpired', (envelope, { manager }) =>
        this.end.run(this.pipeline.within(manager), envelope, 'PRESCRIPTION_EXPIRED', this.clock.now()),
      );
  }
}
