import { toMs } from './instants';
import type { IncidentChanges, SilenceChanges, StoredSilence } from './silence';
import { changesOf, pieceOf } from './silence-pieces';
import { silenceReferenceMs, type TransmissionMarks } from './transmission-marks';

export interface MonitoringStop {
  marks: TransmissionMarks;
  /** The enrolment's ongoing silence, if any. */
  ongoing: StoredSilence | null;
  /** When monitoring stops (the suspension's or the end's instant). */
  at: string;
  intervalMs: number;
}

/**
 * When monitoring stops (a suspension, the end), the silence in progress
 * ends with it: what follows is no connectivity incident. The ongoing
 * silence and its incident are closed at `at` (withdrawn when the device was
 * not yet late then); a silence the sweep had not opened yet (it runs every
 * minute) is recorded closed. A transmission reported later from before
 * `at` cuts it like any silence (planTransmissions).
 */
export function planMonitoringStop(stop: MonitoringStop): { silences: SilenceChanges; incidents: IncidentChanges } {
  const { ongoing, intervalMs } = stop;
  const at = toMs(stop.at);
  if (ongoing !== null) return changesOf([ongoing], [{ ...pieceOf(ongoing), toMs: at }], intervalMs);
  return changesOf([], [{ fromMs: silenceReferenceMs(stop.marks), toMs: at, origin: null }], intervalMs);
}
