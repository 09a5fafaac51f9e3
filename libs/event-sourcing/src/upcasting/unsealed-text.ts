import type { Upcaster } from './event-type-registry';

/**
 * A free text an old event holds in clear, read back after its event type
 * moved to sealed texts (SealedTextV1): the upcaster marks it rather than
 * pretend it was sealed, so a reader opens sealed texts and shows this one
 * as it is. Only ever read inside the service; never written or published.
 */
export type UnsealedText = { unsealed: string };

export const isUnsealedText = (value: unknown): value is UnsealedText =>
  typeof value === 'object' && value !== null && typeof (value as UnsealedText).unsealed === 'string' && Object.keys(value).length === 1;

/**
 * The upcaster of a schema that sealed some string fields of its data (a
 * string, or a list of strings, each): every such field of an old event
 * becomes `{ unsealed }`. Absent fields stay absent.
 */
export function unsealedTextUpcaster(fields: readonly string[]): Upcaster {
  return (data) => {
    const upcast: Record<string, unknown> = { ...data };
    for (const field of fields) {
      const value = data[field];
      if (typeof value === 'string') upcast[field] = { unsealed: value };
      else if (Array.isArray(value)) upcast[field] = value.map((item) => (typeof item === 'string' ? { unsealed: item } : item));
    }
    return upcast;
  };
}
