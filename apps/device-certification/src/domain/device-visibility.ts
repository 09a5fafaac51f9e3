import type { DeviceStatus } from './device-product';

/** What the visibility rule needs of the caller (a token's role and org, or the platform itself). */
export interface DeviceViewer {
  role: string;
  org?: string;
}

/**
 * Certified, suspended, expired and revoked products are public: a prescriber
 * must be able to learn that a product was withdrawn. Drafts, submitted and
 * rejected ones are their vendor's and the evaluators'.
 */
export const PUBLIC_STATUSES: readonly DeviceStatus[] = ['CERTIFIED', 'SUSPENDED', 'EXPIRED', 'REVOKED'];

/** Which devices a viewer may see: every one, or the public ones and, for a vendor, its own products. */
export type DeviceVisibility = { all: true } | { all: false; statuses: readonly DeviceStatus[]; manufacturerSiret: string | null };

/**
 * THE rule of who may see a device, once: reads, lists and commands all ask
 * it (through the catalogue repository, which turns it into one SQL
 * predicate). Whoever may not see a device gets the 404 of a missing one.
 */
export function deviceVisibility(viewer: DeviceViewer): DeviceVisibility {
  if (viewer.role === 'evaluator' || viewer.role === 'system') return { all: true };
  const manufacturerSiret = viewer.role === 'vendor' && viewer.org ? viewer.org : null;
  return { all: false, statuses: PUBLIC_STATUSES, manufacturerSiret };
}
