import { derivedId } from '@app/event-sourcing/ids/derived-id';
import type { Period } from '../domain/billing/period';

/**
 * The id of a period's scheduled run, the same on every replica and every
 * minute: a UUID v7 stamped with the period's end, its random bits from the
 * period. A scheduler that stopped between creating the run and queuing its
 * job finds the same run the next minute, and queues the same job id.
 */
export const scheduledRunId = (period: Period): string => derivedId(`claims:scheduled-billing-run:${period.id}`, period.to);
