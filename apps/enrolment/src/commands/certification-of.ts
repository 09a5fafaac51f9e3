import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { CertificationInForce } from '../domain/enrolment.commands';
import { DeviceCertificationsRepository } from '../projections/device-certifications.repository';
import { EnrolmentsRepository } from '../projections/enrolments.repository';

/** The certification of the product an enrolment's prescription names, as this service knows it (null: unknown here). */
@Injectable()
export class CertificationOf {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly certifications: DeviceCertificationsRepository,
  ) {}

  async enrolment(enrolmentId: string, tx: Transaction): Promise<CertificationInForce | null> {
    const row = await this.enrolments.findVisible(enrolmentId, { role: 'system' }, tx);
    return row ? this.certifications.find(tx, row.resource.deviceId) : null;
  }
}
