/** A key that reads unambiguously after a dot: `patient.nir`. */
const PLAIN_KEY = /^[\p{L}_$][\p{L}\p{N}_$-]*$/u;

/**
 * The path of `key` under `parent`, as the 400 details name fields:
 * `patient.nir`, `overrides[0]`. Any other key is quoted as a JSON string,
 * `meta["a.b"]`, `["na\u0000me"]`: the name stays unambiguous, and the
 * characters it is refused for are shown escaped, never sent back raw.
 */
export function fieldPath(parent: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent ? `${parent}.${key}` : key;
}

export const indexPath = (parent: string, index: number): string => `${parent}[${index}]`;
