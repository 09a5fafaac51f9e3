import type { EndCauseV1, StepActorV1, SuspensionCauseV1 } from '@app/contracts';
import { unmetForActivationDate, unmetForMonitoring } from '../activation-requirements';
import { EnrolmentErrors } from '../enrolment.errors';
import { consentInForceOf } from '../enrolment.state';
import { existing, inStatus, iso, NOT_ENDED, notInFuture, type Decisions } from './decision.types';

const SYSTEM: StepActorV1 = { role: 'system', id: 'system:enrolment' };

const byWhom = (by: StepActorV1): 'BY_PRESCRIBER' | 'BY_OPERATOR' => (by.role === 'physician' ? 'BY_PRESCRIBER' : 'BY_OPERATOR');

/**
 * Monitoring starts with the operator's activation, once everything it needs
 * holds; it stops for a while (suspension, by a user or because the device's
 * certification stopped) and for good (end, by a user or with the
 * prescription). What the platform does by itself on another service's event
 * is nothing when it does not apply, so a redelivery or a late event is harmless.
 */
export const lifecycleDecisions: Decisions<
  'ActivateEnrolment' | 'SuspendEnrolment' | 'ResumeEnrolment' | 'EndEnrolment' | 'SuspendForDevice' | 'ResumeAfterReinstatement' | 'EndWithPrescription'
> = {
  ActivateEnrolment({ activatedAt, certification, now }, state) {
    const enrolment = existing(state);
    if (enrolment.status === 'PENDING_CONSENT') throw EnrolmentErrors.consentRequired('activate');
    inStatus(state, 'activate', ['PENDING_ACTIVATION']);
    notInFuture('activatedAt', activatedAt, now);
    const unmet = [...unmetForActivationDate(enrolment, activatedAt), ...unmetForMonitoring(enrolment, activatedAt, certification)];
    if (unmet.length > 0) throw EnrolmentErrors.requirementsUnmet('activate', unmet);
    return [
      {
        type: 'EnrolmentActivated',
        data: {
          activatedAt: iso(activatedAt),
          consentId: consentInForceOf(enrolment)!.consentId,
          device: enrolment.device!,
          certification: { validUntil: certification!.validUntil },
        },
      },
    ];
  },
  SuspendEnrolment({ reason, by, now }, state) {
    inStatus(state, 'suspend', ['ACTIVE']);
    return [{ type: 'EnrolmentSuspended', data: { cause: byWhom(by), reason, suspendedAt: iso(now), suspendedBy: by, causedBy: null } }];
  },
  ResumeEnrolment({ certification, by, now }, state) {
    const enrolment = inStatus(state, 'resume', ['SUSPENDED']);
    if (!enrolment.consentInForce) throw EnrolmentErrors.consentRequired('resume');
    const unmet = unmetForMonitoring(enrolment, now, certification);
    if (unmet.length > 0) throw EnrolmentErrors.requirementsUnmet('resume', unmet);
    return [{ type: 'EnrolmentResumed', data: { resumedAt: iso(now), resumedBy: by, causedBy: null } }];
  },
  EndEnrolment({ reason, by, now }, state) {
    inStatus(state, 'end', NOT_ENDED);
    return [{ type: 'EnrolmentEnded', data: { cause: byWhom(by), reason, endedAt: iso(now), endedBy: by, causedBy: null } }];
  },
  SuspendForDevice({ cause, causedBy, now }, state) {
    const enrolment = existing(state);
    if (enrolment.status !== 'ACTIVE') return [];
    return [{ type: 'EnrolmentSuspended', data: { cause, reason: null, suspendedAt: iso(now), suspendedBy: SYSTEM, causedBy } }];
  },
  ResumeAfterReinstatement({ certification, causedBy, now }, state) {
    // Only what the platform suspended for the device's suspension is lifted with it; a user's suspension stays theirs.
    const enrolment = existing(state);
    if (enrolment.status !== 'SUSPENDED' || enrolment.suspension?.cause !== ('DEVICE_SUSPENDED' satisfies SuspensionCauseV1)) return [];
    if (!enrolment.consentInForce || unmetForMonitoring(enrolment, now, certification).length > 0) return [];
    return [{ type: 'EnrolmentResumed', data: { resumedAt: iso(now), resumedBy: SYSTEM, causedBy } }];
  },
  EndWithPrescription({ cause, prescriptionId, today, causedBy, now }, state) {
    const enrolment = existing(state);
    // A renewal took over, or it ended already: the old prescription's end is not this enrolment's.
    if (enrolment.status === 'ENDED' || enrolment.prescription.prescriptionId !== prescriptionId) return [];
    if (cause === ('PRESCRIPTION_EXPIRED' satisfies EndCauseV1) && enrolment.prescription.endDate >= today) return [];
    return [{ type: 'EnrolmentEnded', data: { cause, reason: null, endedAt: iso(now), endedBy: SYSTEM, causedBy } }];
  },
};
