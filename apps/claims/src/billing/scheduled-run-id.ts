import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Period } from '../domain/billing/period';

/**
 * The id of a period's scheduled run, the same on every replica and every
 * minute: a UUID v7 stamped with the period's end, its random bits from the
 * period. A scheduler that stopped between creating the run and queuing its
 * job finds the same run the next minute, and queues the same job id.
 */
export function scheduledRunId(period: Period): string {
  const random = createHash('sha256').update(`claims:scheduled-billing-run:${period.id}`).digest().subarray(0, 16);
  return uuidv7({ msecs: period.to.getTime(), random: new Uint8Array(random) });
}
