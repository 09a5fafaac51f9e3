import { gs1CheckDigit, luhnValid, nirKey } from '@app/fr-health';
import { randomInt } from 'node:crypto';

/** Fresh synthetic identifiers per flow, each valid for its validator (libs/fr-health). */

/** A NIR of a man born in March 1984 in Paris (matches birthDate 1984-03-xx), from a million. */
export function freshNir(): string {
  const first13 = `1840375${String(randomInt(1, 1_000_000)).padStart(6, '0')}`;
  return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
}

/** 14 digits, Luhn-valid, never La Poste's SIREN. */
export function freshSiret(): string {
  for (;;) {
    const digits = `${randomInt(1, 10)}${Array.from({ length: 12 }, () => randomInt(0, 10)).join('')}`;
    if (digits.startsWith('356000000')) continue;
    for (let check = 0; check < 10; check++) if (luhnValid(`${digits}${check}`)) return `${digits}${check}`;
  }
}

/** 11 digits. */
export const freshRpps = (): string => `1${Array.from({ length: 10 }, () => randomInt(0, 10)).join('')}`;

/** A GTIN-14 UDI-DI with its GS1 check digit. */
export function freshUdiDi(): string {
  const body = `0376${Array.from({ length: 9 }, () => randomInt(0, 10)).join('')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

export const freshSuffix = (): string => randomInt(0, 2 ** 32).toString(36);
