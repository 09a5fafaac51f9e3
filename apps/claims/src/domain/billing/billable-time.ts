import { addDays, parisMidnight } from '@app/fr-health';
import type { EnrolmentFacts, IncidentFact, PrescriptionFact, TimelineFact, TimelineKind } from './billing-facts';
import { normalise, toMs, type Interval } from './intervals';

/** The times between an opening step and the next closing one, in stream order (a repeated opening changes nothing). */
function openTimes(timeline: readonly TimelineFact[], opens: readonly TimelineKind[], closes: readonly TimelineKind[]): Interval[] {
  const intervals: Interval[] = [];
  let openedAt: number | null = null;
  for (const step of [...timeline].sort((a, b) => a.version - b.version)) {
    if (opens.includes(step.kind) && openedAt === null) openedAt = toMs(step.at);
    else if (closes.includes(step.kind) && openedAt !== null) {
      intervals.push({ start: openedAt, end: toMs(step.at) });
      openedAt = null;
    }
  }
  if (openedAt !== null) intervals.push({ start: openedAt, end: Infinity });
  return normalise(intervals);
}

/** Monitoring: from an activation or resumption to the next suspension or end (a reopened enrolment is activated again). */
export const activeTimes = (enrolment: EnrolmentFacts): Interval[] => openTimes(enrolment.timeline, ['ACTIVATED', 'RESUMED'], ['SUSPENDED', 'ENDED']);

/** A consent given, until withdrawn; a refusal neither opens nor closes (a consent in force cannot be refused). */
export const consentTimes = (enrolment: EnrolmentFacts): Interval[] => openTimes(enrolment.timeline, ['CONSENT_GIVEN'], ['CONSENT_WITHDRAWN']);

// A run meets the same few hundred dates thousands of times: each midnight is worked out once.
const MIDNIGHTS = new Map<string, number>();
function midnightMs(date: string): number {
  let ms = MIDNIGHTS.get(date);
  if (ms === undefined) {
    ms = parisMidnight(date).getTime();
    MIDNIGHTS.set(date, ms);
  }
  return ms;
}

/** A prescription covers its Paris days [startDate 00:00, endDate + 1 00:00), cut at its cancellation. */
export function prescriptionTime(prescription: PrescriptionFact): Interval | null {
  const start = midnightMs(prescription.startDate);
  let end = midnightMs(addDays(prescription.endDate, 1));
  if (prescription.cancelledAt !== null) end = Math.min(end, toMs(prescription.cancelledAt));
  // Cancelled without a known instant: nothing of it can be trusted as issued.
  else if (prescription.status === 'CANCELLED') return null;
  return start < end ? { start, end } : null;
}

/** Some prescription of the chain issued and covering the instant. */
export const prescriptionTimes = (enrolment: EnrolmentFacts): Interval[] =>
  normalise(enrolment.prescriptions.map(prescriptionTime).filter((interval): interval is Interval => interval !== null));

/** Incidents that cost the patient the day: PATIENT or UNKNOWN, not withdrawn; an open one runs on. */
const removesDays = (incident: IncidentFact): boolean => !incident.withdrawn && (incident.cause === 'PATIENT' || incident.cause === 'UNKNOWN');

export const lostTimes = (enrolment: EnrolmentFacts): Interval[] =>
  normalise(
    enrolment.incidents.filter(removesDays).map((incident) => ({
      start: toMs(incident.startedAt),
      end: incident.endedAt === null ? Infinity : toMs(incident.endedAt),
    })),
  );
