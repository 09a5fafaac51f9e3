/**
 * The associated data binding a personal field's ciphertext to its row and
 * field, both named by the caller: `fieldAad('prescription:<uuid>',
 * 'patient.identity')`. The same ciphertext under another row or field does
 * not open. Neither part may hold the separator, so two pairs never give the
 * same string.
 */
export function fieldAad(row: string, field: string): string {
  for (const [name, part] of [['row', row], ['field', field]] as const) {
    if (part.length === 0 || part.includes('#') || /[\p{Cc}]/u.test(part)) {
      throw new Error(`fieldAad: the ${name} must be non-empty, without '#' or control characters`);
    }
  }
  return `${row}#${field}`;
}
