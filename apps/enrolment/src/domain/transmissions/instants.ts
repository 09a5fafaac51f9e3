/** Instants travel as ISO 8601 strings; the planning compares them as epoch ms, whatever their offset. */
export function toMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return ms;
}

/** UTC ISO 8601 with milliseconds, as every time the service writes. */
export const toIso = (ms: number): string => new Date(ms).toISOString();
