/**
 * What the auditor typed in the subject search, as the API takes it:
 * trimmed, the kind lower-cased (`Device:…` is `device:…`), and a UUID's hex
 * lower-cased too, since the ledger stores subjects in their canonical form.
 * The API validates it and names the field when it is wrong.
 */
export function normalizeSubject(input: string): string {
  const text = input.trim();
  const colon = text.indexOf(':');
  if (colon < 0) return text;
  const kind = text.slice(0, colon).trim().toLowerCase();
  const id = text.slice(colon + 1).trim();
  return `${kind}:${/^[0-9a-fA-F-]{36}$/.test(id) || /^[0-9a-fA-F]{64}$/.test(id) ? id.toLowerCase() : id}`;
}

