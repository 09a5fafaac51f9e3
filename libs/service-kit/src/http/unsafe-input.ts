import type { ErrorDetail } from '@app/contracts';
import { fieldPath, indexPath } from './field-path';
import { MAX_INPUT_DEPTH, MAX_INPUT_DETAILS } from './request-limits';

/** `details[].code` of input refused whatever the route. */
export const UNSAFE_INPUT_CODES = {
  nul: 'NUL_CHARACTER',
  unpairedSurrogate: 'UNPAIRED_SURROGATE',
  tooDeep: 'TOO_DEEP',
  /** A path segment that does not percent-decode as UTF-8 (see error-response.ts). */
  malformedEncoding: 'MALFORMED_ENCODING',
} as const;

export interface UnsafeInputLimits {
  maxDepth: number;
  maxDetails: number;
}

const DEFAULT_LIMITS: UnsafeInputLimits = { maxDepth: MAX_INPUT_DEPTH, maxDetails: MAX_INPUT_DETAILS };

// Without the `u` flag a regex sees UTF-16 code units: a high surrogate not
// followed by a low one, or a low one not preceded by a high one. A pair ("😀") is fine.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be taken, if it cannot: Postgres `text` and `jsonb`
 * refuse U+0000, and an unpaired surrogate has no UTF-8 form, so either one
 * would fail deep in a handler (a 500) instead of at the door.
 */
export function unsafeStringCode(text: string): string | undefined {
  if (text.includes('\u0000')) return UNSAFE_INPUT_CODES.nul;
  if (UNPAIRED_SURROGATE.test(text)) return UNSAFE_INPUT_CODES.unpairedSurrogate;
  return undefined;
}

/**
 * Every place of a parsed request part (JSON body, query, path parameters)
 * that no route may receive, one detail per field named by its path:
 * strings and object keys holding U+0000 or an unpaired surrogate, and
 * objects or arrays nested deeper than `maxDepth` (the outermost one is level
 * 1). It never descends past `maxDepth`, so a 5,000-level body costs 33 steps.
 */
export function findUnsafeInput(value: unknown, limits: UnsafeInputLimits = DEFAULT_LIMITS): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  walk(value, '', 1, found, limits);
  return found;
}

function walk(value: unknown, path: string, level: number, found: ErrorDetail[], limits: UnsafeInputLimits): void {
  if (found.length >= limits.maxDetails) return;
  if (typeof value === 'string') {
    const code = unsafeStringCode(value);
    if (code) found.push(valueDetail(path, code));
    return;
  }
  // Buffers (a raw body) hold bytes, not text: nothing here applies.
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return;
  if (level > limits.maxDepth) {
    found.push({ field: path, code: UNSAFE_INPUT_CODES.tooDeep, message: `${path} is nested deeper than ${limits.maxDepth} levels` });
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length && found.length < limits.maxDetails; index++) {
      walk(value[index], indexPath(path, index), level + 1, found, limits);
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = fieldPath(path, key);
    const keyCode = unsafeStringCode(key);
    // A refused name is the field's one problem: its value is not looked at.
    if (keyCode) found.push(keyDetail(at, keyCode));
    else walk(item, at, level + 1, found, limits);
    if (found.length >= limits.maxDetails) return;
  }
}

const WHAT: Record<string, string> = {
  [UNSAFE_INPUT_CODES.nul]: 'the character U+0000',
  [UNSAFE_INPUT_CODES.unpairedSurrogate]: 'an unpaired UTF-16 surrogate (U+D800 to U+DFFF)',
};

const valueDetail = (field: string, code: string): ErrorDetail => ({ field, code, message: `${field} must not contain ${WHAT[code]}` });

const keyDetail = (field: string, code: string): ErrorDetail => ({
  field,
  code,
  message: `the name of ${field} must not contain ${WHAT[code]}`,
});
