import { toMs } from './instants';

/**
 * What the service keeps of an enrolment's transmissions for silence
 * detection: not the transmissions, their bounds.
 */
export interface TransmissionMarks {
  /** The start of monitoring (the activation, or a resumption): nothing before it is monitored. */
  monitoringFrom: string;
  /** When monitoring stopped (a suspension, the end), if it did: nothing from then on is monitored. */
  stoppedAt?: string | null;
  /** The earliest and latest transmission received; null until one came. */
  firstAt: string | null;
  lastAt: string | null;
}

/**
 * The instant a silence runs from: the last transmission, or the start of
 * monitoring when none came since (before any, or after a resumption).
 */
export function silenceReferenceMs(marks: TransmissionMarks): number {
  const from = toMs(marks.monitoringFrom);
  return marks.lastAt === null ? from : Math.max(from, toMs(marks.lastAt));
}

/** Whether an instant falls in the monitoring window [monitoringFrom, stoppedAt). */
export function isMonitored(marks: TransmissionMarks): (ms: number) => boolean {
  const from = toMs(marks.monitoringFrom);
  const until = marks.stoppedAt ? toMs(marks.stoppedAt) : Infinity;
  return (ms) => ms >= from && ms < until;
}
