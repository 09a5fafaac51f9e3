import { type IHeaders, type KafkaMessage } from 'kafkajs';

export interface CollectedMessage {
  key: string | null;
  /** The value parsed as JSON (the raw string when it is not JSON; null for a tombstone). */
  value: unknown;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

function parseValue(raw: Buffer | null): unknown {
  if (raw === null) return null;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    decoded[name] = (Array.isArray(value) ? value : [value]).map((v) => v.toString()).join(',');
  }
  return decoded;
}

export function toCollectedMessage(partition: number, message: KafkaMessage): CollectedMessage {
  return {
    key: message.key === null ? null : message.key.toString('utf8'),
    value: parseValue(message.value),
    headers: decodeHeaders(message.headers),
    partition,
    offset: message.offset,
  };
}

/** A short account of what arrived, for timeout errors. */
export function describeMessages(messages: CollectedMessage[], limit = 10): string {
  const shown = messages
    .slice(0, limit)
    .map((m) => `  p${m.partition}@${m.offset} key=${m.key} value=${JSON.stringify(m.value).slice(0, 200)}`);
  const more = messages.length > limit ? [`  ... and ${messages.length - limit} more`] : [];
  return [`${messages.length} message(s) arrived${messages.length ? ':' : ''}`, ...shown, ...more].join('\n');
}
