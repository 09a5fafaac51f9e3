import type { CommandOf } from '../enrolment.commands';
import { EnrolmentErrors } from '../enrolment.errors';
import type { EnrolmentEvent } from '../enrolment.state';
import { inStatus, iso, NOT_ENDED, notInFuture, type Decisions } from './decision.types';

const ADULT_AGE = 18;

/** Who signed, checked against the patient's age on the signing day (a minor's consent is their legal representative's). */
function checkSigner(command: CommandOf<'RecordConsent'>): void {
  if (command.signedBy === 'LEGAL_REPRESENTATIVE' && !command.representative) throw EnrolmentErrors.representativeMissing();
  if (command.patientAgeOnSigning === null) throw EnrolmentErrors.patientErased();
  if (command.patientAgeOnSigning < ADULT_AGE && command.signedBy !== 'LEGAL_REPRESENTATIVE') throw EnrolmentErrors.representativeRequired();
}

/**
 * Consent is the patient's, whoever recorded it: the patient, the
 * prescriber, or the operator copying a paper form. Each decision is its own
 * record; a refusal is kept and leaves the enrolment waiting; a withdrawal
 * stops monitoring at once.
 */
export const consentDecisions: Decisions<'RecordConsent' | 'WithdrawConsent'> = {
  RecordConsent(command, state) {
    const enrolment = inStatus(state, 'record a consent', NOT_ENDED);
    notInFuture('signedAt', command.signedAt, command.now);
    if (command.by.role === 'operator' && command.method !== 'PAPER') throw EnrolmentErrors.operatorPaperOnly();
    checkSigner(command);
    if (command.decision === 'REFUSED' && enrolment.consentInForce) throw EnrolmentErrors.consentAlreadyGiven();
    const { consentId, decision, consentTextVersion, method, signedBy, representative, by, now } = command;
    return [
      {
        type: 'ConsentRecorded',
        data: {
          consentId,
          decision,
          consentTextVersion,
          method,
          signedAt: iso(command.signedAt),
          signedBy,
          ...(representative ? { representative } : {}),
          recordedBy: by,
          recordedAt: iso(now),
        },
      },
    ];
  },
  WithdrawConsent({ by, now }, state) {
    const enrolment = inStatus(state, 'withdraw a consent', NOT_ENDED);
    if (!enrolment.consentInForce) throw EnrolmentErrors.noConsentToWithdraw();
    const events: EnrolmentEvent[] = [{ type: 'ConsentWithdrawn', data: { consentId: enrolment.consentInForce, withdrawnAt: iso(now), withdrawnBy: by } }];
    if (enrolment.status === 'ACTIVE') {
      events.push({
        type: 'EnrolmentSuspended',
        data: { cause: 'CONSENT_WITHDRAWN', reason: null, suspendedAt: iso(now), suspendedBy: by, causedBy: null },
      });
    }
    return events;
  },
};
