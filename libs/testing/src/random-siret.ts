import { luhnValid } from '@app/fr-health';

/** A valid SIRET (14 digits, Luhn), different each call: a payee or a vendor no other test has. */
export function randomSiret(): string {
  const digits = Array.from({ length: 13 }, () => Math.floor(Math.random() * 10));
  digits[0] = 1 + (digits[0] % 9);
  for (let check = 0; check < 10; check++) {
    const candidate = [...digits, check].join('');
    // 356000000 is La Poste's SIREN, whose SIRETs follow another rule.
    if (luhnValid(candidate) && !candidate.startsWith('356000000')) return candidate;
  }
  throw new Error('unreachable: one check digit always makes a Luhn-valid number');
}
