import { toIso, toMs } from './instants';
import { silenceReferenceMs, type TransmissionMarks } from './transmission-marks';

export interface SilenceSweep {
  marks: TransmissionMarks;
  hasOngoingSilence: boolean;
  /** The platform clock. */
  now: string;
  intervalMs: number;
}

/** The silence to store as ongoing (`toAt` null) and its open incident. */
export interface OngoingSilenceOpening {
  silence: { fromAt: string; toAt: null };
  incident: { startedAt: string; endedAt: null };
}

/**
 * The sweep (every minute, on the platform clock) opens the incident of a
 * silence while it lasts: once the last transmission (or the start of
 * monitoring) is more than the interval ago, no silence is ongoing yet and
 * monitoring was not stopped.
 * The transmission that ends it closes both (planTransmissions).
 */
export function planSweep(sweep: SilenceSweep): OngoingSilenceOpening | null {
  const reference = silenceReferenceMs(sweep.marks);
  if (sweep.marks.stoppedAt || sweep.hasOngoingSilence || toMs(sweep.now) - reference <= sweep.intervalMs) return null;
  return {
    silence: { fromAt: toIso(reference), toAt: null },
    incident: { startedAt: toIso(reference + sweep.intervalMs), endedAt: null },
  };
}
