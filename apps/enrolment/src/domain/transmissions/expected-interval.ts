import type { MonitoringModeV1 } from '@app/contracts';

const HOUR_MS = 3_600_000;

/** The expected interval between two transmissions, in ms, by monitoring mode. */
export type ExpectedIntervals = Readonly<Record<MonitoringModeV1, number>>;

/**
 * DOMAIN.md "Connectivity and transmissions" (reference values): LPWAN
 * follow-up sends a few messages a day, critical alerts need a live link.
 * The service's configuration may set others; the domain only receives them.
 */
export const DEFAULT_EXPECTED_INTERVALS: ExpectedIntervals = {
  PERIODIC: 26 * HOUR_MS,
  CRITICAL_ALERTS: 1 * HOUR_MS,
};

/** Silence longer than this is a connectivity incident. */
export const expectedIntervalOf = (mode: MonitoringModeV1, intervals: ExpectedIntervals = DEFAULT_EXPECTED_INTERVALS): number =>
  intervals[mode];
