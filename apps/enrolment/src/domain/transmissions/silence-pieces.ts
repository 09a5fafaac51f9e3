import { toIso, toMs } from './instants';
import { incidentSpanOf, type IncidentChanges, type SilenceChanges, type StoredSilence } from './silence';

/**
 * A gap as the planning reshapes it: closed by a transmission, cut by a
 * late one. `origin` is the stored silence it comes from (null: a gap found
 * by this plan), so each stored silence and its incident can be kept,
 * moved or withdrawn, and every other piece stored anew.
 */
export interface SilencePiece {
  fromMs: number;
  toMs: number | null;
  origin: StoredSilence | null;
}

export const pieceOf = (silence: StoredSilence): SilencePiece => ({
  fromMs: toMs(silence.fromAt),
  toMs: silence.toAt === null ? null : toMs(silence.toAt),
  origin: silence,
});

/** Only a gap longer than the interval is a silence; an ongoing one is kept while it lasts. */
const isSilence = (piece: SilencePiece, intervalMs: number): boolean => piece.toMs === null || piece.toMs - piece.fromMs > intervalMs;

const sameBounds = (piece: SilencePiece, stored: StoredSilence): boolean =>
  piece.fromMs === toMs(stored.fromAt) && piece.toMs === (stored.toAt === null ? null : toMs(stored.toAt));

/**
 * The changes that turn the stored silences into the pieces. The first piece
 * of a stored silence that is still a silence keeps its row and its incident
 * (shortened, or closed); its other pieces are new silences with new
 * incidents; a stored silence none of whose pieces is one any more is deleted
 * and its incident withdrawn (there was none: the device was never late).
 */
export function changesOf(
  stored: readonly StoredSilence[],
  pieces: readonly SilencePiece[],
  intervalMs: number,
): { silences: SilenceChanges; incidents: IncidentChanges } {
  const silences: SilenceChanges = { insert: [], update: [], delete: [] };
  const incidents: IncidentChanges = { open: [], update: [], withdraw: [] };
  const ordered = [...pieces].sort((a, b) => a.fromMs - b.fromMs);
  const insert = (piece: SilencePiece, withIncident: boolean) => {
    const key = `silence-${silences.insert.length + 1}`;
    silences.insert.push({ key, fromAt: toIso(piece.fromMs), toAt: piece.toMs === null ? null : toIso(piece.toMs) });
    if (withIncident) incidents.open.push({ silenceKey: key, ...incidentSpanOf(piece.fromMs, piece.toMs, intervalMs) });
  };

  for (const silence of stored) {
    const [heir, ...others] = ordered.filter((piece) => piece.origin === silence && isSilence(piece, intervalMs));
    if (!heir) {
      silences.delete.push(silence.id);
      if (silence.incidentId !== null) incidents.withdraw.push(silence.incidentId);
      continue;
    }
    if (!sameBounds(heir, silence)) {
      const span = incidentSpanOf(heir.fromMs, heir.toMs, intervalMs);
      silences.update.push({ id: silence.id, fromAt: toIso(heir.fromMs), toAt: span.endedAt });
      if (silence.incidentId !== null) {
        const change = silence.toAt === null && heir.toMs !== null ? 'CLOSED' : 'LATE_TRANSMISSIONS';
        incidents.update.push({ incidentId: silence.incidentId, ...span, change });
      }
    }
    // A silence that gave no incident gives none when cut either.
    for (const piece of others) insert(piece, silence.incidentId !== null);
  }
  for (const piece of ordered) if (piece.origin === null && isSilence(piece, intervalMs)) insert(piece, true);
  return { silences, incidents };
}
