import type { ConnectivityIncidentV1 } from '@app/contracts';
import type { EnrolmentView } from '../projections/enrolment-view';

/** A connectivity incident as API.md answers it: its `id`, its cause and its responsible party. */
export type IncidentView = Omit<ConnectivityIncidentV1, 'incidentId'> & { id: string; enrolmentId: string };

export function incidentIn(enrolment: EnrolmentView, incidentId: string): IncidentView {
  const found = enrolment.incidents.find((incident) => incident.incidentId === incidentId);
  if (!found) throw new Error(`incident ${incidentId} is not in enrolment ${enrolment.id}`);
  const { incidentId: id, ...incident } = found;
  return { id, enrolmentId: enrolment.id, ...incident };
}
