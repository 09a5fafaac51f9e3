/**
 * Outcome of checking an identifier. `reason` says what is wrong without
 * echoing the input: some identifiers (the NIR) are personal data, and reasons
 * end up in error bodies and possibly logs.
 */
export type ValidationResult<T extends string = 'value'> =
  | ({ ok: true } & { [K in T]: string })
  | { ok: false; reason: string };
