import { PatientErasures } from '@app/service-kit';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EnrolmentsRepository } from '../projections/enrolments.repository';

export const PATIENTS_CONSUMER_PURPOSE = Symbol('PATIENTS_CONSUMER_PURPOSE');

/** A patient's erasure: the read model forgets the identity's ciphertext. */
@Injectable()
export class PatientsConsumer implements OnModuleInit {
  constructor(
    private readonly erasures: PatientErasures,
    private readonly enrolments: EnrolmentsRepository,
    @Inject(PATIENTS_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.erasures.listen(this.purpose, async (tx, { pseudonym, erasedAt }) => `${await this.enrolments.erasePatient(tx, pseudonym, erasedAt)} enrolment(s) purged`);
  }
}
