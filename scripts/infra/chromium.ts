import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, which the console's browser specs drive (playwright-core never downloads a browser here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const log = (line: string) => console.log(`[infra] ${line}`);

/**
 * Installs Debian's `chromium` package when it is missing, as the machine's
 * other services are installed: with apt-get (the package index refreshed
 * first), non-interactively. A machine without apt-get or root says so.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  log(`no Chromium at ${CHROMIUM_PATH}: installing Debian's chromium package with apt-get`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing (set CHROMIUM_PATH)`);
}
