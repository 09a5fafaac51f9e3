import { addDays, parisMidnight } from '@app/fr-health';
import type { BillingPlan } from './billing-plan';

const HOUR_MS = 3_600_000;

/** How often the demo's device transmits: well under PERIODIC's 26 hours of expected interval, so no silence is left. */
export const TRANSMISSION_EVERY_MS = 6 * HOUR_MS;

/** Most items one `POST /v1/enrolments/:id/transmissions` takes (API.md). */
export const TRANSMISSIONS_PER_BATCH = 1_000;

export interface TransmissionItem {
  at: string;
  network: 'CELLULAR_4G';
  kind: 'PERIODIC';
}

export interface PlannedIncident {
  startedAt: string;
  endedAt: string;
  cause: 'NETWORK_COVERAGE';
}

/**
 * The connectivity incident the operator reports: the cellular network down
 * at the patient's home for six hours (09:00-15:00 Paris) on the third day of
 * the billed month's monitoring. It is the coverage the prescriber was warned
 * about, so the prescriber, who overrode HOME_COVERAGE, answers for it; it
 * removes no billable day (only PATIENT and UNKNOWN incidents do).
 */
export function coverageIncident(plan: Pick<BillingPlan, 'firstBillableDay'>): PlannedIncident {
  const day = parisMidnight(addDays(plan.firstBillableDay, 2)).getTime();
  return { startedAt: new Date(day + 9 * HOUR_MS).toISOString(), endedAt: new Date(day + 15 * HOUR_MS).toISOString(), cause: 'NETWORK_COVERAGE' };
}

/**
 * What the device sent from just after `from` until before `until`: one
 * transmission every six hours, none while the network was down. Six hours
 * of outage skip at most one or two, so no gap reaches PERIODIC's 26 hours
 * and the platform finds no silence of its own.
 */
export function transmissionsBetween(from: Date, until: Date, outage?: PlannedIncident): TransmissionItem[] {
  const down = outage ? [Date.parse(outage.startedAt), Date.parse(outage.endedAt)] : undefined;
  const items: TransmissionItem[] = [];
  for (let at = from.getTime() + 60_000; at < until.getTime(); at += TRANSMISSION_EVERY_MS) {
    if (down && at >= down[0] && at <= down[1]) continue;
    items.push({ at: new Date(at).toISOString(), network: 'CELLULAR_4G', kind: 'PERIODIC' });
  }
  return items;
}

/** Consecutive batches of at most `size` items. */
export function inBatches<T>(items: readonly T[], size = TRANSMISSIONS_PER_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
