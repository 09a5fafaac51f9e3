import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

const COLOURS = [36, 33, 35, 32, 34, 91, 96, 93];

/** `name | ` padded to the longest name, coloured per service when printing to a terminal. */
export function makePrefix(name: string, index: number, width: number, tty: boolean): string {
  const label = `${name.padEnd(width)} | `;
  return tty ? `\x1b[${COLOURS[index % COLOURS.length]}m${label}\x1b[0m` : label;
}

/** Copies a child's output line by line so interleaved services stay readable. */
export function pipePrefixed(source: Readable, prefix: string, target: Writable): void {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  lines.on('line', (line) => target.write(`${prefix}${line}\n`));
}
