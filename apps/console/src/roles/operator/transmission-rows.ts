import type { TransmissionItem } from './enrolment-api';
import { wallTimeToInstant } from './wall-time';

/** One row of the transmissions form: its time as typed (Paris wall time), its network, its kind. */
export interface TransmissionRow {
  at: string;
  network: string;
  kind: string;
}

export const emptyTransmissionRow = (network = 'CELLULAR_4G'): TransmissionRow => ({ at: '', network, kind: 'PERIODIC' });

/**
 * The rows as the body's `items` (API.md `POST /:id/transmissions`): each time
 * read in Paris and sent as a UTC instant. A row without a valid time is
 * refused here under the field the API would name (`items[i].at`).
 */
export function transmissionItems(rows: readonly TransmissionRow[], problem: string): TransmissionItem[] {
  return rows.map((row, index) => ({ at: wallTimeToInstant(row.at, `items[${index}].at`, problem, true)!, network: row.network, kind: row.kind }));
}
