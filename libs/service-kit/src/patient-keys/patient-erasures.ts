import { PATIENTS_EVENTS_V1, type PatientsEventsV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { IdempotentConsumerFactory } from '@app/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { PATIENT_KEYRING, type PatientKeyring } from './patient-keyring';

export type PatientErased = PatientsEventsV1['PatientErased'];

/** What a service purges of an erased patient, in the inbox's transaction; it says what went, for the log. */
export type PatientPurge = (tx: Transaction, erased: PatientErased) => Promise<string>;

/** A remembered answer shows a patient when it names their pseudonym (every view about a patient does). */
const aboutPatient =
  (pseudonym: string) =>
  (answer: unknown): boolean =>
    (answer as { patient?: { pseudonym?: unknown } } | null)?.patient?.pseudonym === pseudonym;

/**
 * A patient's erasure as every key holder takes it (patients.events.v1): the
 * key is already destroyed, so each ciphertext of theirs is unreadable; what
 * the service derived from them goes too, in one transaction with the inbox
 * row: the unwrapped key cached in this process, the service's own rows
 * (`purge`), and the remembered Idempotency-Key answers that showed them
 * (kept 48 h, they would otherwise outlive the erasure). The inbox runs it
 * once per event, and it is idempotent anyway.
 */
@Injectable()
export class PatientErasures {
  private readonly logger = new Logger(PatientErasures.name);

  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly answers: IdempotencyStore,
    @Inject(PATIENT_KEYRING) private readonly keyring: PatientKeyring,
  ) {}

  listen(purpose: string, purge: PatientPurge): void {
    this.consumers.create({ purpose, contract: PATIENTS_EVENTS_V1 }).on('PatientErased', async (envelope, { manager }) => {
      const { pseudonym } = envelope.data;
      this.keyring.forget(pseudonym);
      const purged = await purge(manager, envelope.data);
      const answers = await this.answers.forgetAnswersIn(manager, aboutPatient(pseudonym));
      this.logger.log(`patient erased (event ${envelope.id}): ${purged}, ${answers} remembered answer(s) forgotten`);
    });
  }
}
