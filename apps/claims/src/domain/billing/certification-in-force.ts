import type { CertificationFact, DeviceFacts } from './billing-facts';
import { normalise, toMs, type Interval } from './intervals';

/**
 * When the device product's certification was in force, from its steps in
 * order: a (re)certification opens [validFrom or its instant, validUntil); a
 * suspension or revocation closes it at its instant; a reinstatement reopens
 * it at its instant until the last validUntil; an expiry closes it at validUntil.
 */
export function certificationTimes(device: DeviceFacts | null): Interval[] {
  if (!device) return [];
  const intervals: Interval[] = [];
  let open: Interval | null = null;
  let lastValidUntil: number | null = null;
  const close = (at: number) => {
    if (open) intervals.push({ start: open.start, end: Math.min(open.end, at) });
    open = null;
  };
  for (const step of [...device.certification].sort((a: CertificationFact, b: CertificationFact) => a.version - b.version)) {
    const at = toMs(step.at);
    switch (step.kind) {
      case 'CERTIFIED':
      case 'RECERTIFIED': {
        const start = step.validFrom !== null ? toMs(step.validFrom) : at;
        // The previous terms hold until the new ones start.
        close(start);
        lastValidUntil = step.validUntil !== null ? toMs(step.validUntil) : null;
        open = { start, end: lastValidUntil ?? Infinity };
        break;
      }
      case 'SUSPENDED':
      case 'REVOKED':
        close(at);
        break;
      case 'REINSTATED':
        if (!open && lastValidUntil !== null) open = { start: at, end: lastValidUntil };
        break;
      case 'EXPIRED':
        close(step.validUntil !== null ? toMs(step.validUntil) : (lastValidUntil ?? at));
        break;
    }
  }
  close(Infinity);
  return normalise(intervals);
}
