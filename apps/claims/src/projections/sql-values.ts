/** A timestamptz as the API writes instants (UTC ISO 8601 with milliseconds); null stays null. */
export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** A timestamptz that is never null. */
export const isoAt = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

/** A `date` column read as text (`col::text`), so the driver never turns it into a local-midnight Date. */
export const dateText = (column: string, as: string): string => `to_char(${column}, 'YYYY-MM-DD') AS "${as}"`;
