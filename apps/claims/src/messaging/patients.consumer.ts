import { PATIENTS_EVENTS_V1, type PatientsEventsV1, type PublishedEnvelope } from '@app/contracts';
import { IdempotentConsumerFactory, type HandlerContext } from '@app/messaging';
import { PATIENT_KEYRING, type PatientKeyring } from '@app/service-kit';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ClaimsRepository } from '../projections/claims.repository';
import { EnrolmentFactsRepository } from '../projections/enrolment-facts.repository';

export const PATIENTS_CONSUMER_PURPOSE = Symbol('PATIENTS_CONSUMER_PURPOSE');

/**
 * A patient's erasure (patients.events.v1): their key is destroyed, so every
 * ciphertext of theirs here is unreadable; the enrolment facts and the claims
 * forget the identity's ciphertext, this process the unwrapped key (sealed
 * notes then read "erased"). The pseudonym stays: claims and the file active
 * count on it.
 */
@Injectable()
export class PatientsConsumer implements OnModuleInit {
  private readonly logger = new Logger(PatientsConsumer.name);

  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly enrolments: EnrolmentFactsRepository,
    private readonly claims: ClaimsRepository,
    @Inject(PATIENT_KEYRING) private readonly keyring: PatientKeyring,
    @Inject(PATIENTS_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers.create({ purpose: this.purpose, contract: PATIENTS_EVENTS_V1 }).on('PatientErased', (envelope, context) => this.purge(envelope, context));
  }

  private async purge(envelope: PublishedEnvelope<PatientsEventsV1, 'PatientErased'>, { manager }: HandlerContext): Promise<void> {
    const { pseudonym } = envelope.data;
    this.keyring.forget(pseudonym);
    const enrolments = await this.enrolments.erasePatient(manager, pseudonym);
    const claims = await this.claims.erasePatient(manager, pseudonym);
    this.logger.log(`patient erased (event ${envelope.id}): ${enrolments} enrolment(s) and ${claims} claim(s) purged`);
  }
}
