/// <reference lib="dom" />
// page.evaluate bodies run in the browser: they see its globals.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../../scripts/infra/chromium';


/** Where each main screen's screenshot goes (kept after the run, for people to look at). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '.local', 'console-screenshots');

/**
 * Headless Chromium as this machine runs it: no sandbox (root in a
 * container), no GPU, no shared memory, and none of Chromium's own calls
 * home, which the closed network would refuse.
 */
export async function launchConsoleBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: npm test installs Debian's chromium package (scripts/infra/chromium.ts)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * A new browser context (its own storage) signed in through the console's
 * own sign-in page with a development token, on the role's home screen.
 * The browser's zone is New York on purpose: every date must still be shown
 * in Paris.
 */
export async function signedInPage(browser: Browser, baseUrl: string, token: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', timezoneId: 'America/New_York', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Jeton de développement').fill(token);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return page;
}

export interface AccessibilityViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it stands (WCAG 2.x A and AA rules). */
export async function seriousViolations(page: Page): Promise<AccessibilityViolation[]> {
  // Evaluated through the DevTools protocol, so the console's Content-Security-Policy (no inline script) stays as served.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const run = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return run.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * One main screen checked as its users meet it: a full-page screenshot in
 * SCREENSHOT_DIR (`<name>.png`), and no serious or critical accessibility
 * violation (the failure lists each, with the elements at fault).
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  const violations = await seriousViolations(page);
  if (violations.length > 0) {
    const list = violations.map((v) => `- ${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`).join('\n');
    throw new Error(`${name}: ${violations.length} serious or critical accessibility violation(s)\n${list}`);
  }
}
