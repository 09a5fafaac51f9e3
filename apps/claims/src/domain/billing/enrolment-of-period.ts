import type { EnrolmentFacts } from './billing-facts';
import { toMs } from './intervals';
import type { Period } from './period';

/** An enrolment a run looks at: created before the period's end and not ended before its start. */
export const enrolmentOfPeriod = (enrolment: Pick<EnrolmentFacts, 'createdAt' | 'endedAt'>, period: Period): boolean =>
  toMs(enrolment.createdAt) < period.to.getTime() && (enrolment.endedAt === null || toMs(enrolment.endedAt) >= period.from.getTime());
