import has2026_1 from './has-2026.1.referential.json';
import type { Referential } from './referential.types';

/**
 * Every referential version ever in force, kept forever: a past prescription
 * is read against the version it was evaluated under. A new version is a new
 * data file added here (and, when it needs one, a new rule).
 */
const REFERENTIALS: readonly Referential[] = [has2026_1 as Referential];

export const referentialVersions = (): string[] => REFERENTIALS.map((referential) => referential.version);

export const referentialByVersion = (version: string): Referential | undefined =>
  REFERENTIALS.find((referential) => referential.version === version);

/** The version in force on a calendar date (YYYY-MM-DD): the latest one whose `inForceFrom` has come. */
export function referentialInForce(date: string): Referential {
  const inForce = REFERENTIALS.filter((referential) => referential.inForceFrom <= date).sort((a, b) =>
    a.inForceFrom < b.inForceFrom ? 1 : -1,
  );
  // Before the first version took effect, the first one is the only one there is.
  return inForce[0] ?? REFERENTIALS[0];
}
