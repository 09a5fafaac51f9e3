import type { Incident } from './enrolment-api';
import { localFieldProblem } from '../../api/api-error';
import { wallTimeToInstant } from './wall-time';

export interface IncidentChangeForm {
  cause: string;
  /** Paris wall time as typed; empty leaves the end as it is. */
  endedAt: string;
}

export interface IncidentChangeMessages {
  badTime: string;
  nothingChanged: string;
}

/**
 * The PATCH body that closes an incident or names its cause once
 * investigated: only what changes (the cause when it differs, the end when
 * one is typed), so that a close alone is not audited as a requalification.
 * Nothing to change is refused here, beside the cause.
 */
export function incidentChange(incident: Incident, form: IncidentChangeForm, messages: IncidentChangeMessages): { cause?: string; endedAt?: string } {
  const endedAt = wallTimeToInstant(form.endedAt, 'endedAt', messages.badTime);
  const change = { ...(form.cause && form.cause !== incident.cause ? { cause: form.cause } : {}), ...(endedAt ? { endedAt } : {}) };
  if (Object.keys(change).length === 0) throw localFieldProblem('cause', messages.nothingChanged);
  return change;
}
