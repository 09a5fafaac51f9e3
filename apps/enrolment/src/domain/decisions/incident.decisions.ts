import type { ConnectivityIncidentV1 } from '@app/contracts';
import { EnrolmentErrors } from '../enrolment.errors';
import type { Enrolment } from '../enrolment.state';
import { responsibleParty } from '../incident-responsibility';
import { existing, iso, notInFuture, type Decisions } from './decision.types';

function monitored(enrolment: Enrolment): string {
  if (!enrolment.activatedAt) throw EnrolmentErrors.notActivated();
  return enrolment.activatedAt;
}

function incidentOf(enrolment: Enrolment, incidentId: string): ConnectivityIncidentV1 {
  const incident = enrolment.incidents.find((known) => known.incidentId === incidentId);
  if (!incident) throw EnrolmentErrors.incidentNotFound(incidentId);
  return incident;
}

/**
 * Connectivity incidents: those the operator records (with a cause, later
 * closed or re-qualified), and those the platform finds in the silence of the
 * transmissions (cause UNKNOWN until someone names it), which late reports
 * move or withdraw. Each carries the party that answers for it.
 */
export const incidentDecisions: Decisions<
  'RecordIncident' | 'UpdateIncident' | 'OpenSilenceIncident' | 'MoveSilenceIncident' | 'WithdrawSilenceIncident' | 'RecordObservanceLow'
> = {
  RecordIncident({ incidentId, startedAt, endedAt, cause, now }, state) {
    const enrolment = existing(state);
    if (enrolment.status === 'ENDED') throw EnrolmentErrors.ended('record an incident');
    const activatedAt = monitored(enrolment);
    notInFuture('startedAt', startedAt, now);
    if (endedAt) notInFuture('endedAt', endedAt, now);
    if (endedAt && endedAt < startedAt) throw EnrolmentErrors.endBeforeStart();
    if (iso(startedAt) < activatedAt) throw EnrolmentErrors.incidentBeforeActivation(activatedAt);
    const incident: ConnectivityIncidentV1 = {
      incidentId,
      startedAt: iso(startedAt),
      endedAt: endedAt ? iso(endedAt) : null,
      cause,
      responsibleParty: responsibleParty(cause, enrolment.prescription),
      openedBy: 'operator',
    };
    return [{ type: 'ConnectivityIncidentOpened', data: { ...incident, recordedAt: iso(now) } }];
  },
  UpdateIncident({ incidentId, endedAt, cause, now }, state) {
    const enrolment = existing(state);
    const incident = incidentOf(enrolment, incidentId);
    if (endedAt) notInFuture('endedAt', endedAt, now);
    if (endedAt && iso(endedAt) < incident.startedAt) throw EnrolmentErrors.endBeforeStart();
    const nextCause = cause ?? incident.cause;
    const nextEnd = endedAt ? iso(endedAt) : incident.endedAt;
    if (nextCause === incident.cause && nextEnd === incident.endedAt) return [];
    const updated: ConnectivityIncidentV1 = { ...incident, endedAt: nextEnd, cause: nextCause, responsibleParty: responsibleParty(nextCause, enrolment.prescription) };
    const change = nextCause !== incident.cause ? 'REQUALIFIED' : 'CLOSED';
    return [{ type: 'ConnectivityIncidentUpdated', data: { ...updated, change, updatedAt: iso(now) } }];
  },
  OpenSilenceIncident({ incidentId, startedAt, endedAt, now }, state) {
    const enrolment = existing(state);
    if (enrolment.incidents.some((known) => known.incidentId === incidentId)) return [];
    const incident: ConnectivityIncidentV1 = {
      incidentId,
      startedAt: iso(startedAt),
      endedAt: endedAt ? iso(endedAt) : null,
      cause: 'UNKNOWN',
      responsibleParty: responsibleParty('UNKNOWN', enrolment.prescription),
      openedBy: 'system',
    };
    return [{ type: 'ConnectivityIncidentOpened', data: { ...incident, recordedAt: iso(now) } }];
  },
  MoveSilenceIncident({ incidentId, startedAt, endedAt, change, now }, state) {
    // Withdrawn meanwhile (a late batch covered it): nothing left to move.
    const incident = existing(state).incidents.find((known) => known.incidentId === incidentId);
    if (!incident) return [];
    const moved = { ...incident, startedAt: iso(startedAt), endedAt: endedAt ? iso(endedAt) : null };
    if (moved.startedAt === incident.startedAt && moved.endedAt === incident.endedAt) return [];
    return [{ type: 'ConnectivityIncidentUpdated', data: { ...moved, change, updatedAt: iso(now) } }];
  },
  WithdrawSilenceIncident({ incidentId, now }, state) {
    const enrolment = existing(state);
    if (!enrolment.incidents.some((known) => known.incidentId === incidentId)) return [];
    return [{ type: 'ConnectivityIncidentWithdrawn', data: { incidentId, withdrawnAt: iso(now) } }];
  },
  RecordObservanceLow({ month, from, to, daysWithData, days }, state) {
    const enrolment = existing(state);
    if (enrolment.observanceLow.includes(month)) return [];
    return [{ type: 'ObservanceLow', data: { month, from, to, daysWithData, days, prescriberRpps: enrolment.prescription.prescriberRpps } }];
  },
};
