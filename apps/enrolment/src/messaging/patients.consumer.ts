import { PATIENTS_EVENTS_V1, type PatientsEventsV1, type PublishedEnvelope } from '@app/contracts';
import { IdempotentConsumerFactory, type HandlerContext } from '@app/messaging';
import { PATIENT_KEYRING, type PatientKeyring } from '@app/service-kit';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EnrolmentsRepository } from '../projections/enrolments.repository';

export const PATIENTS_CONSUMER_PURPOSE = Symbol('PATIENTS_CONSUMER_PURPOSE');

/**
 * A patient's erasure (patients.events.v1): their key is destroyed, so every
 * ciphertext of theirs here is unreadable; the read model forgets the
 * identity's ciphertext and this process the unwrapped key. An enrolment's
 * answers and views never held the identity: nothing else to forget.
 */
@Injectable()
export class PatientsConsumer implements OnModuleInit {
  private readonly logger = new Logger(PatientsConsumer.name);

  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly enrolments: EnrolmentsRepository,
    @Inject(PATIENT_KEYRING) private readonly keyring: PatientKeyring,
    @Inject(PATIENTS_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers.create({ purpose: this.purpose, contract: PATIENTS_EVENTS_V1 }).on('PatientErased', (envelope, context) => this.purge(envelope, context));
  }

  private async purge(envelope: PublishedEnvelope<PatientsEventsV1, 'PatientErased'>, { manager }: HandlerContext): Promise<void> {
    const { pseudonym, erasedAt } = envelope.data;
    this.keyring.forget(pseudonym);
    const rows = await this.enrolments.erasePatient(manager, pseudonym, erasedAt);
    this.logger.log(`patient erased (event ${envelope.id}): ${rows} enrolment(s) purged`);
  }
}
