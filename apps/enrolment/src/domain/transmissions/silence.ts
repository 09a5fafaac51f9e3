import { toIso } from './instants';

/** A stored gap between two transmissions (or the start of monitoring and one) longer than the expected interval. */
export interface StoredSilence {
  id: string;
  fromAt: string;
  /** The transmission that ended it; null while it lasts (the ongoing silence, at most one per enrolment). */
  toAt: string | null;
  /** The system connectivity incident it gave; null for a silence that gave none. */
  incidentId: string | null;
}

/** A silence to store: `key` names it within one plan (the caller gives it its id), so an incident opened for it can say which. */
export interface NewSilence {
  key: string;
  fromAt: string;
  toAt: string | null;
}

/**
 * Apply in this order: delete, update, insert (an update may close the
 * ongoing silence an insert then replaces; at most one may be ongoing).
 */
export interface SilenceChanges {
  insert: NewSilence[];
  update: Array<{ id: string; fromAt: string; toAt: string | null }>;
  delete: string[];
}

export type IncidentChange = 'CLOSED' | 'LATE_TRANSMISSIONS';

/**
 * The system connectivity incidents (`openedBy: "system"`, cause UNKNOWN) to
 * open, move and withdraw. An opened incident's id goes into the
 * `incident_id` of the silence `silenceKey` names.
 */
export interface IncidentChanges {
  open: Array<{ silenceKey: string; startedAt: string; endedAt: string | null }>;
  update: Array<{ incidentId: string; startedAt: string; endedAt: string | null; change: IncidentChange }>;
  withdraw: string[];
}

/** A silence's incident: the device was due at `from + interval`; it runs until the next transmission. */
export const incidentSpanOf = (fromMs: number, toMs: number | null, intervalMs: number): { startedAt: string; endedAt: string | null } => ({
  startedAt: toIso(fromMs + intervalMs),
  endedAt: toMs === null ? null : toIso(toMs),
});
