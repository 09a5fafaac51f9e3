import { randomInt } from 'node:crypto';

/** An RPPS (11 digits) different each call: a physician no other test has. */
export const randomRpps = (): string => `1${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
