import { toIso, toMs } from './instants';
import type { IncidentChanges, SilenceChanges, StoredSilence } from './silence';
import { changesOf, pieceOf, type SilencePiece } from './silence-pieces';
import { isMonitored, silenceReferenceMs, type TransmissionMarks } from './transmission-marks';

export interface TransmissionBatch {
  marks: TransmissionMarks;
  /** The stored silences the batch may touch: the ongoing one, and those ending after the batch's earliest instant. */
  silences: readonly StoredSilence[];
  /** When the device sent, as reported: any order, duplicates allowed. */
  instants: readonly string[];
  intervalMs: number;
}

export interface TransmissionPlan {
  marks: TransmissionMarks;
  /** The batch's distinct instants inside the monitoring window, in order (what counts for the days). */
  accepted: string[];
  silences: SilenceChanges;
  incidents: IncidentChanges;
}

/**
 * What a batch of transmissions changes. A transmission after the last one
 * ends the ongoing silence, or, when it comes more than the interval after
 * the last one (or the start of monitoring), is the end of a silence of its
 * own. One that falls inside a stored silence (a late one, or one before a
 * stop that ended a silence) cuts it in two; each part stays a silence only
 * if it is longer than the interval, so its incident is shortened, split in
 * two, or withdrawn. Instants outside the monitoring window are ignored.
 */
export function planTransmissions(batch: TransmissionBatch): TransmissionPlan {
  const { marks, intervalMs } = batch;
  const accepted = [...new Set(batch.instants.map(toMs))].filter(isMonitored(marks)).sort((a, b) => a - b);
  const pieces: SilencePiece[] = batch.silences.map(pieceOf);
  let lastAt = marks.lastAt;
  let firstMs = marks.firstAt === null ? null : toMs(marks.firstAt);

  for (const at of accepted) {
    const isLast = lastAt === null || at > toMs(lastAt);
    const cut = pieces.find((piece) => piece.toMs !== null && piece.fromMs < at && at < piece.toMs);
    const ongoing = pieces.find((piece) => piece.toMs === null);
    if (cut) {
      pieces.push({ fromMs: at, toMs: cut.toMs, origin: cut.origin });
      cut.toMs = at;
    } else if (isLast && ongoing) {
      ongoing.toMs = at;
    } else if (isLast) {
      const reference = silenceReferenceMs({ ...marks, lastAt });
      if (at - reference > intervalMs) pieces.push({ fromMs: reference, toMs: at, origin: null });
    }
    if (isLast) lastAt = toIso(at);
    firstMs = firstMs === null ? at : Math.min(firstMs, at);
  }

  return {
    marks: {
      monitoringFrom: marks.monitoringFrom,
      ...(marks.stoppedAt === undefined ? {} : { stoppedAt: marks.stoppedAt }),
      firstAt: firstMs === null ? null : toIso(firstMs),
      lastAt,
    },
    accepted: accepted.map(toIso),
    ...changesOf(batch.silences, pieces, intervalMs),
  };
}
