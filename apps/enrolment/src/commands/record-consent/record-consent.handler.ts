import { stepActorOf } from '@app/auth';
import { ERASED } from '@app/contracts';
import { ageOn, parisDate } from '@app/fr-health';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentErrors } from '../../domain/enrolment.errors';
import { EnrolmentSealing } from '../../personal-data/enrolment-sealing';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { EnrolmentSteps } from '../enrolment-steps';
import { viewerOf } from '../../principals/enrolment-viewer';
import { RecordConsentCommand } from './record-consent.command';

/** The patient, the prescriber or the operator (a paper form) records a consent; a minor's is signed by their representative. */
@CommandHandler(RecordConsentCommand)
export class RecordConsentHandler implements ICommandHandler<RecordConsentCommand, EnrolmentView> {
  constructor(
    private readonly steps: EnrolmentSteps,
    private readonly enrolments: EnrolmentsRepository,
    private readonly sealing: EnrolmentSealing,
  ) {}

  execute({ input: { enrolmentId, consent, by }, context }: RecordConsentCommand): Promise<EnrolmentView> {
    return this.steps.run(enrolmentId, context, async ({ tx }) => {
      const patient = await this.enrolments.patientOf(enrolmentId, tx);
      if (!patient) throw EnrolmentErrors.notFound(enrolmentId);
      const signedAt = new Date(consent.signedAt);
      // The age on the signing day is all the decision needs of the identity.
      const identity = await this.sealing.identityOf(enrolmentId, patient, tx);
      const patientAgeOnSigning = identity === ERASED ? null : ageOn(identity.birthDate, parisDate(signedAt));
      return {
        type: 'RecordConsent',
        consentId: uuidv7(),
        decision: consent.decision ?? 'GIVEN',
        consentTextVersion: consent.consentTextVersion,
        method: consent.method,
        signedAt,
        signedBy: consent.signedBy ?? 'PATIENT',
        ...(consent.representative ? { representative: { role: consent.representative.role } } : {}),
        patientAgeOnSigning,
        by: stepActorOf(by),
        viewer: viewerOf(by),
        now: context.now,
      };
    });
  }
}
