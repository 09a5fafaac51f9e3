import { ENROLMENT_EVENTS_V1, type EnrolledPrescriptionV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { IdempotentConsumerFactory } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { TimelineKind } from '../domain/billing/billing-facts';
import { EnrolmentFactsRepository, type EnrolmentFactsChange } from '../projections/enrolment-facts.repository';
import { EnrolmentIncidentsRepository } from '../projections/enrolment-incidents.repository';
import { EnrolmentTimelineRepository } from '../projections/enrolment-timeline.repository';
import { PrescriptionFactsRepository } from '../projections/prescription-facts.repository';

export const ENROLMENT_CONSUMER_PURPOSE = Symbol('ENROLMENT_CONSUMER_PURPOSE');

/** A dated step of the enrolment: its timeline row, and its row's status, rights, end and facts version. */
type Step = Omit<EnrolmentFactsChange, 'version'> & { kind: TimelineKind };

/**
 * enrolment.events.v1: each enrolment's patient, prescription chain and
 * parties, its dated steps (activity, consent, rights) and its connectivity
 * incidents, kept for billing. Every handler is idempotent by the stream's
 * version (the inbox already acts once per event); every fact that can
 * change billable days bumps the enrolment's facts version, so a month
 * billed before it is rechecked by the next run.
 */
@Injectable()
export class EnrolmentConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly facts: EnrolmentFactsRepository,
    private readonly timeline: EnrolmentTimelineRepository,
    private readonly incidents: EnrolmentIncidentsRepository,
    private readonly prescriptions: PrescriptionFactsRepository,
    @Inject(ENROLMENT_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({ purpose: this.purpose, contract: ENROLMENT_EVENTS_V1 })
      .on('EnrolmentCreated', async ({ data, version }, { manager }) => {
        await this.facts.created(manager, data, version);
        await this.issued(manager, data.prescription);
      })
      .on('EnrolmentExtended', async ({ streamId, data, version }, { manager }) => {
        await this.facts.extended(manager, streamId, data.prescription, data.reopened, version, data.extendedAt);
        await this.issued(manager, data.prescription);
      })
      .on('ConsentRecorded', ({ streamId, data, version }, { manager }) =>
        this.step(manager, streamId, version, {
          kind: data.decision === 'GIVEN' ? 'CONSENT_GIVEN' : 'CONSENT_REFUSED',
          // The instant it was recorded: what orders it among the other steps (a paper form may be signed before a withdrawal recorded earlier).
          at: data.recordedAt,
          ...(data.decision === 'GIVEN' ? { status: { to: 'PENDING_ACTIVATION', onlyFrom: ['PENDING_CONSENT'] } } : {}),
          changesDays: true,
        }),
      )
      .on('ConsentWithdrawn', ({ streamId, data, version }, { manager }) =>
        this.step(manager, streamId, version, { kind: 'CONSENT_WITHDRAWN', at: data.withdrawnAt, changesDays: true }),
      )
      .on('RightsChecked', ({ streamId, data, version }, { manager }) =>
        this.step(manager, streamId, version, { kind: `RIGHTS_${data.status}`, at: data.checkedAt, rightsStatus: data.status, changesDays: false }),
      )
      .on('EnrolmentActivated', ({ streamId, data, version }, { manager }) =>
        this.step(manager, streamId, version, { kind: 'ACTIVATED', at: data.activatedAt, status: { to: 'ACTIVE' }, changesDays: true }),
      )
      .on('EnrolmentSuspended', ({ streamId, data, version }, { manager }) =>
        this.step(manager, streamId, version, { kind: 'SUSPENDED', at: data.suspendedAt, status: { to: 'SUSPENDED' }, changesDays: true }),
      )
      .on('EnrolmentResumed', ({ streamId, data, version }, { manager }) =>
        this.step(manager, streamId, version, { kind: 'RESUMED', at: data.resumedAt, status: { to: 'ACTIVE' }, changesDays: true }),
      )
      .on('EnrolmentEnded', ({ streamId, data, version }, { manager }) =>
        this.step(manager, streamId, version, { kind: 'ENDED', at: data.endedAt, status: { to: 'ENDED' }, endedAt: data.endedAt, changesDays: true }),
      )
      .on('ConnectivityIncidentOpened', async ({ streamId, data, version }, { manager }) => {
        await this.incidents.record(manager, streamId, data, version);
        await this.facts.advance(manager, streamId, { version, at: data.recordedAt, changesDays: true });
      })
      .on('ConnectivityIncidentUpdated', async ({ streamId, data, version }, { manager }) => {
        await this.incidents.record(manager, streamId, data, version);
        await this.facts.advance(manager, streamId, { version, at: data.updatedAt, changesDays: true });
      })
      .on('ConnectivityIncidentWithdrawn', async ({ streamId, data, version }, { manager }) => {
        await this.incidents.withdraw(manager, data.incidentId, version);
        await this.facts.advance(manager, streamId, { version, at: data.withdrawnAt, changesDays: true });
      });
  }

  private async step(tx: Transaction, enrolmentId: string, version: number, { kind, ...change }: Step): Promise<void> {
    await this.timeline.record(tx, enrolmentId, { version, at: change.at, kind });
    await this.facts.advance(tx, enrolmentId, { version, ...change });
  }

  /** The enrolment exists only for an issued prescription: its fact, until the prescription's own events tell more (version 0). */
  private issued(tx: Transaction, p: EnrolledPrescriptionV1): Promise<void> {
    return this.prescriptions.issued(
      tx,
      {
        prescriptionId: p.prescriptionId,
        startDate: p.startDate,
        endDate: p.endDate,
        indication: p.indication,
        operatorOrg: p.operatorOrg,
        prescriberRpps: p.prescriberRpps,
        deviceId: p.device.id,
      },
      0,
    );
  }
}
