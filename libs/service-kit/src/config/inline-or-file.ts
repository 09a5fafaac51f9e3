import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';

/**
 * A setting given inline (`NAME`) or as a mounted file (`NAME_FILE`, as
 * orchestrators mount secrets): exactly one of them, read once at start-up.
 * Returns the text and the variable it came from, for the caller's messages;
 * never echoes the value.
 */
export function inlineOrFile(
  config: Record<string, unknown>,
  name: string,
  whenMissing: string,
): { text: string; from: string } {
  const fileName = `${name}_FILE`;
  const inline = config[name] as string | undefined;
  const file = config[fileName] as string | undefined;
  if (inline && file) throw new ConfigError([`${name} and ${fileName} are both set: set one`]);
  if (!inline && !file) throw new ConfigError([whenMissing]);
  if (inline) return { text: inline, from: name };
  try {
    return { text: readFileSync(file!, 'utf8'), from: fileName };
  } catch (error) {
    throw new ConfigError([`${fileName} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
}
