import { ConfigError } from '../config/config-error';

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const OFFSET = /^([+-]?)(\d{1,6})([dhms])$/;

export const CLOCK_OFFSET_FORMAT = 'must be a signed duration like +40d, -2h, +30m or +15s (or empty)';

/** `'+40d'` -> milliseconds; `null` when the text is not an offset. Empty means no shift. */
export function tryParseClockOffset(raw: string | undefined): number | null {
  const text = (raw ?? '').trim();
  if (text === '' || text === '0') return 0;
  const match = OFFSET.exec(text);
  if (!match) return null;
  const [, sign, amount, unit] = match;
  const ms = Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return sign === '-' ? -ms : ms;
}

/** Like `tryParseClockOffset`, but nonsense is a configuration error naming CLOCK_OFFSET. */
export function parseClockOffset(raw: string | undefined): number {
  const ms = tryParseClockOffset(raw);
  if (ms === null) throw new ConfigError([`CLOCK_OFFSET ${CLOCK_OFFSET_FORMAT}`]);
  return ms;
}
