import { block, pass, type HasRule } from './rule.types';

export const DURATION = 'DURATION';

/** A first prescription lasts up to 6 months, a renewal up to 12 (referential data). */
export const duration: HasRule = ({ durationMonths, renewalOf }, referential) => {
  const max = renewalOf ? referential.durations.renewalMaxMonths : referential.durations.firstMaxMonths;
  const what = renewalOf ? 'A renewal' : 'A first prescription';
  if (durationMonths > max) {
    return block(DURATION, `${what} may last at most ${max} months; ${durationMonths} were requested.`);
  }
  return pass(DURATION, `${durationMonths} month(s) is within the ${max} months allowed.`);
};
