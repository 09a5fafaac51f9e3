import type { IncidentChange, IncidentChanges, SilenceChanges, StoredSilence } from './silence';

/** A plan's silence changes as they are written: the new silences with their ids and their incidents' ids. */
export interface SilenceWrites {
  delete: string[];
  update: Array<{ id: string; fromAt: string; toAt: string | null }>;
  insert: StoredSilence[];
}

/** A plan's incident changes with the ids of the incidents it opens (one event each). */
export interface IdentifiedIncidentChanges {
  open: Array<{ incidentId: string; startedAt: string; endedAt: string | null }>;
  update: Array<{ incidentId: string; startedAt: string; endedAt: string | null; change: IncidentChange }>;
  withdraw: string[];
}

/**
 * Gives each new silence and each incident opened for it an id (ids come
 * from the caller, like the time), linking the two.
 */
export function identify(
  changes: { silences: SilenceChanges; incidents: IncidentChanges },
  newId: () => string,
): { silences: SilenceWrites; incidents: IdentifiedIncidentChanges } {
  const open: IdentifiedIncidentChanges['open'] = [];
  const insert = changes.silences.insert.map(({ key, fromAt, toAt }): StoredSilence => {
    const opened = changes.incidents.open.find((incident) => incident.silenceKey === key);
    const incidentId = opened ? newId() : null;
    if (opened && incidentId) open.push({ incidentId, startedAt: opened.startedAt, endedAt: opened.endedAt });
    return { id: newId(), fromAt, toAt, incidentId };
  });
  return {
    silences: { delete: [...changes.silences.delete], update: [...changes.silences.update], insert },
    incidents: { open, update: [...changes.incidents.update], withdraw: [...changes.incidents.withdraw] },
  };
}
