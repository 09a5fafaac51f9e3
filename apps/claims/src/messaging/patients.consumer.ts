import { PatientErasures } from '@app/service-kit';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ClaimsRepository } from '../projections/claims.repository';
import { EnrolmentFactsRepository } from '../projections/enrolment-facts.repository';

export const PATIENTS_CONSUMER_PURPOSE = Symbol('PATIENTS_CONSUMER_PURPOSE');

/**
 * A patient's erasure: the enrolment facts and the claims forget the
 * identity's ciphertext (sealed notes then read "erased"). The pseudonym
 * stays: claims and the file active count on it.
 */
@Injectable()
export class PatientsConsumer implements OnModuleInit {
  constructor(
    private readonly erasures: PatientErasures,
    private readonly enrolments: EnrolmentFactsRepository,
    private readonly claims: ClaimsRepository,
    @Inject(PATIENTS_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.erasures.listen(this.purpose, async (tx, { pseudonym }) => {
      const enrolments = await this.enrolments.erasePatient(tx, pseudonym);
      const claims = await this.claims.erasePatient(tx, pseudonym);
      return `${enrolments} enrolment(s) and ${claims} claim(s) purged`;
    });
  }
}
