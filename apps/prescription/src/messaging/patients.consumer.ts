import { PatientErasures } from '@app/service-kit';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PrescriptionsRepository } from '../projections/prescriptions.repository';

export const PATIENTS_CONSUMER_PURPOSE = Symbol('PATIENTS_CONSUMER_PURPOSE');

/** A patient's erasure: the read model forgets the identity's ciphertext (the answers that showed it go with PatientErasures). */
@Injectable()
export class PatientsConsumer implements OnModuleInit {
  constructor(
    private readonly erasures: PatientErasures,
    private readonly prescriptions: PrescriptionsRepository,
    @Inject(PATIENTS_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.erasures.listen(this.purpose, async (tx, { pseudonym, erasedAt }) => `${await this.prescriptions.erasePatient(tx, pseudonym, erasedAt)} prescription(s) purged`);
  }
}
