import { EnrolmentErrors } from '../enrolment.errors';
import { existing, iso, type Decisions } from './decision.types';

/**
 * A first prescription creates its enrolment; a renewal continues it (no new
 * consent). An enrolment that had ended with its expired prescription comes
 * back to wait for its activation (or its consent, if none is in force),
 * consent and device kept.
 */
export const creationDecisions: Decisions<'CreateEnrolment' | 'ExtendEnrolment'> = {
  CreateEnrolment({ enrolmentId, prescription, patient, now }, state) {
    if (state.status !== 'NONE') throw EnrolmentErrors.alreadyExists(enrolmentId);
    return [{ type: 'EnrolmentCreated', data: { enrolmentId, prescription, patient, createdAt: iso(now) } }];
  },
  ExtendEnrolment({ prescription, renewalOf, deviceStillFree, now }, state) {
    const enrolment = existing(state);
    // The same renewal delivered again extends nothing more.
    if (enrolment.prescriptionIds.includes(prescription.prescriptionId)) return [];
    // Only the end of its prescription is undone by a renewal; an end someone decided stays theirs.
    const reopened = enrolment.status === 'ENDED' && enrolment.end?.cause === 'PRESCRIPTION_EXPIRED';
    const deviceReleased = reopened && enrolment.device !== null && !deviceStillFree;
    return [{ type: 'EnrolmentExtended', data: { prescription, renewalOf, reopened, deviceReleased, extendedAt: iso(now) } }];
  },
};
