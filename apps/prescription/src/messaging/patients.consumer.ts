import { PATIENTS_EVENTS_V1, type PatientsEventsV1, type PublishedEnvelope } from '@app/contracts';
import { IdempotentConsumerFactory, type HandlerContext } from '@app/messaging';
import { IdempotencyStore, PATIENT_KEYRING, type PatientKeyring } from '@app/service-kit';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PrescriptionsRepository } from '../projections/prescriptions.repository';

export const PATIENTS_CONSUMER_PURPOSE = Symbol('PATIENTS_CONSUMER_PURPOSE');

const aboutPatient = (pseudonym: string) => (answer: unknown): boolean =>
  (answer as { patient?: { pseudonym?: unknown } } | null)?.patient?.pseudonym === pseudonym;

/**
 * A patient's erasure (patients.events.v1): the key is already destroyed, so
 * every ciphertext of theirs here is unreadable; what this service derived
 * from them goes too: the identity's ciphertext in the read model, the
 * unwrapped key in this process's cache, and the remembered answers that
 * showed their identity. The inbox runs it once per event, and it is
 * idempotent anyway; a service that was down reads it when it comes back.
 */
@Injectable()
export class PatientsConsumer implements OnModuleInit {
  private readonly logger = new Logger(PatientsConsumer.name);

  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly prescriptions: PrescriptionsRepository,
    private readonly answers: IdempotencyStore,
    @Inject(PATIENT_KEYRING) private readonly keyring: PatientKeyring,
    @Inject(PATIENTS_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers.create({ purpose: this.purpose, contract: PATIENTS_EVENTS_V1 }).on('PatientErased', (envelope, context) => this.purge(envelope, context));
  }

  private async purge(envelope: PublishedEnvelope<PatientsEventsV1, 'PatientErased'>, { manager }: HandlerContext): Promise<void> {
    const { pseudonym, erasedAt } = envelope.data;
    this.keyring.forget(pseudonym);
    const rows = await this.prescriptions.erasePatient(manager, pseudonym, erasedAt);
    const answers = await this.answers.forgetAnswersIn(manager, aboutPatient(pseudonym));
    this.logger.log(`patient erased (event ${envelope.id}): ${rows} prescription(s) purged, ${answers} remembered answer(s) forgotten`);
  }
}
