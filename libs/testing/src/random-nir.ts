import { nirKey } from '@app/fr-health';
import { randomInt } from 'node:crypto';

/** A synthetic, valid NIR of a man born in March 1984 in Paris: a new patient each call. */
export function randomNir(): string {
  const first13 = `18403751${String(randomInt(0, 100_000)).padStart(5, '0')}`;
  return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
}
