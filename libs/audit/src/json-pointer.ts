/*
 * RFC 6901 JSON pointers: how a disclosure names the place of its commitment
 * in an audit entry (`/evidence/events/0/data/reason`). Isomorphic, like the
 * rest of libs/audit: the offline verifier resolves them too.
 */

/** The pointer of a path given as its reference tokens: `~` is written `~0`, `/` is written `~1`. */
export function toJsonPointer(tokens: ReadonlyArray<string | number>): string {
  return tokens.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The reference tokens of a pointer, or null when it is not one (it must be empty or start with `/`; `~` only as `~0` or `~1`). */
export function parseJsonPointer(pointer: string): string[] | null {
  if (typeof pointer !== 'string') return null;
  if (pointer === '') return [];
  if (!pointer.startsWith('/') || /~[^01]|~$/.test(pointer)) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * What the pointer names in `document`, or `{ found: false }`. An array is
 * indexed by a decimal index without leading zeros (never `-`, which names
 * the element after the last); an object only by its own keys.
 */
export function resolveJsonPointer(document: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  const tokens = parseJsonPointer(pointer);
  if (tokens === null) return { found: false };
  let value: unknown = document;
  for (const token of tokens) {
    if (Array.isArray(value)) {
      if (!ARRAY_INDEX.test(token) || Number(token) >= value.length) return { found: false };
      value = value[Number(token)];
    } else if (typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, token)) {
      value = (value as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value };
}
