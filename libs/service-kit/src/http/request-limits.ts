/**
 * The size and shape of the input every service accepts (API.md "Conventions").
 * Beyond them a request is refused before any handler, pipe or interceptor sees it.
 */

/** Larger JSON bodies are 413 `REQUEST.TOO_LARGE` (body-parser's own default would be 100 kB). */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** Objects and arrays nested deeper than this are 400: recursive code (validation, hashing) stays bounded. */
export const MAX_INPUT_DEPTH = 32;

/** A body full of bad strings gets this many details, not one per string, so the answer stays small. */
export const MAX_INPUT_DETAILS = 100;
