import { ENROLMENT_EVENTS_V1, type EventEnvelope } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { IdempotentConsumerFactory } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Notifier } from '../commands/notifier';
import { enrolmentConcerns, type CareParties } from '../domain/care-concerns';
import { messages } from '../domain/notification-messages';
import { ruleFor } from '../domain/notification-rules';
import { EnrolmentAudiencesRepository } from '../projections/enrolment-audiences.repository';
import { DeviceAlerts } from './device-alerts';

export const ENROLMENT_CONSUMER_PURPOSE = Symbol('ENROLMENT_CONSUMER_PURPOSE');

/**
 * enrolment.events.v1: each enrolment's prescription in force and its
 * parties (who is told), when it was active (which device facts concern
 * it), and the facts of its care its prescriber or operator must know.
 * Every event of an enrolment comes after its EnrolmentCreated (one stream,
 * one partition), so its parties are known when a fact arrives.
 */
@Injectable()
export class EnrolmentConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly enrolments: EnrolmentAudiencesRepository,
    private readonly alerts: DeviceAlerts,
    private readonly notifier: Notifier,
    @Inject(ENROLMENT_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({ purpose: this.purpose, contract: ENROLMENT_EVENTS_V1 })
      .on('EnrolmentCreated', ({ data, version }, { manager }) =>
        this.enrolments.created(manager, data.enrolmentId, data.prescription, data.patient.pseudonym, version),
      )
      .on('EnrolmentExtended', ({ streamId, data, version }, { manager }) =>
        this.enrolments.extended(manager, streamId, data.prescription, data.reopened, version),
      )
      .on('EnrolmentActivated', async ({ streamId, data, version }, { manager }) => {
        await this.enrolments.activated(manager, streamId, data.activatedAt, version);
        const care = await this.enrolments.get(manager, streamId);
        if (care) await this.alerts.activated(manager, care, data.activatedAt);
      })
      .on('EnrolmentResumed', ({ streamId, version }, { manager }) => this.enrolments.resumed(manager, streamId, version))
      .on('EnrolmentSuspended', async (event, { manager }) => {
        await this.enrolments.leftActive(manager, event.streamId, 'SUSPENDED', event.data.suspendedAt, event.version);
        await this.tell(manager, event, (care) => messages.enrolmentSuspended(care, event.data.cause));
      })
      .on('EnrolmentEnded', async (event, { manager }) => {
        await this.enrolments.leftActive(manager, event.streamId, 'ENDED', event.data.endedAt, event.version);
        await this.tell(manager, event, (care) => messages.enrolmentEnded(care, event.data.cause));
      })
      .on('RightsChecked', (event, { manager }) => this.tell(manager, event, (care) => messages.rightsClosed(care)))
      .on('ConnectivityIncidentOpened', (event, { manager }) => this.tell(manager, event, (care) => messages.incidentOpened(care, event.data.startedAt)))
      .on('ObservanceLow', (event, { manager }) =>
        // The prescriber of the month observed, as the enrolment service names them.
        this.tell(manager, event, (care) => messages.observanceLow(care, event.data.month, event.data.daysWithData, event.data.days), {
          prescriberRpps: event.data.prescriberRpps,
        }),
      );
  }

  /** The fact told to its rule's audiences of the enrolment, when the rule takes it (closed rights only, incidents the platform opened). */
  private async tell(tx: Transaction, event: EventEnvelope<object>, message: (care: CareParties) => string, parties: Partial<CareParties> = {}): Promise<void> {
    const rule = ruleFor('enrolment', event.type, event.data);
    if (!rule) return;
    const known = await this.enrolments.get(tx, event.streamId);
    if (!known) return;
    const care = { ...known, ...parties };
    await this.notifier.tell(tx, event, rule, enrolmentConcerns(rule.audiences, care, message(care)));
  }
}
