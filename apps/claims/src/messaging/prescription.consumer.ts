import { PRESCRIPTION_EVENTS_V1 } from '@app/contracts';
import { IdempotentConsumerFactory } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EnrolmentFactsRepository } from '../projections/enrolment-facts.repository';
import { PrescriptionFactsRepository } from '../projections/prescription-facts.repository';

export const PRESCRIPTION_CONSUMER_PURPOSE = Symbol('PRESCRIPTION_CONSUMER_PURPOSE');

/**
 * prescription.events.v1: each prescription's status and dates (a day is
 * billable only under an issued prescription covering it, and not after its
 * cancellation). Recorded whatever order the two services' events arrive in;
 * a cancellation makes the months billed under it rechecked.
 */
@Injectable()
export class PrescriptionConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly prescriptions: PrescriptionFactsRepository,
    private readonly enrolments: EnrolmentFactsRepository,
    @Inject(PRESCRIPTION_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({ purpose: this.purpose, contract: PRESCRIPTION_EVENTS_V1 })
      .on('PrescriptionIssued', ({ data, version }, { manager }) =>
        this.prescriptions.issued(
          manager,
          {
            prescriptionId: data.prescriptionId,
            startDate: data.startDate,
            endDate: data.endDate,
            indication: data.indication,
            operatorOrg: data.operatorOrg,
            prescriberRpps: data.prescriber.rpps,
            deviceId: data.device.id,
          },
          version,
        ),
      )
      .on('PrescriptionCancelled', async ({ streamId, data, version }, { manager }) => {
        await this.prescriptions.cancelled(manager, streamId, data.cancelledAt, version);
        await this.enrolments.touchPrescription(manager, streamId, data.cancelledAt);
      })
      .on('PrescriptionExpired', ({ streamId, version }, { manager }) => this.prescriptions.expired(manager, streamId, version));
  }
}
