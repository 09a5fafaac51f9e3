import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LocalPlatform, type LocalPlatformOptions } from '../../../scripts/platform/local-platform';
import { type Actors, freshActors, GatewayClient, type Workflow } from '../../../scripts/workflow';
import { buildConsole } from '../../../scripts/platform/console-build';
import { launchConsoleBrowser, signedInPage } from './console-browser';

/**
 * The platform as `npm start` runs it (every service its own process,
 * LocalPlatform), its gateway serving the console built from its sources
 * for this platform alone, and one headless Chromium. `client` and `flow` prepare through
 * the API what a journey needs from other roles; the journey itself goes
 * through the browser only.
 */
export class ConsolePlatform {
  private constructor(
    readonly platform: LocalPlatform,
    readonly browser: Browser,
    readonly client: GatewayClient,
    private readonly consoleDir: string,
  ) {}

  static async start(options: LocalPlatformOptions = {}): Promise<ConsolePlatform> {
    const consoleDir = mkdtempSync(join(tmpdir(), 'console-dist-'));
    await buildConsole(consoleDir);
    const serviceEnv = { ...options.serviceEnv, gateway: { ...options.serviceEnv?.gateway, CONSOLE_DIR: consoleDir } };
    const platform = await LocalPlatform.start({ ...options, serviceEnv });
    try {
      const browser = await launchConsoleBrowser();
      return new ConsolePlatform(platform, browser, new GatewayClient(platform.gatewayUrl), consoleDir);
    } catch (error) {
      await platform.stop();
      throw error;
    }
  }

  get baseUrl(): string {
    return this.platform.gatewayUrl;
  }

  /** A workflow of the scripts/workflow steps (the API), for what the journey's other parties do. */
  flow(actors: Actors = freshActors()): Workflow {
    return { client: this.client, actors, now: () => this.platform.now() };
  }

  /** A fresh browser context signed in with this token, on its role's home screen. */
  signIn(token: string): Promise<Page> {
    return signedInPage(this.browser, this.baseUrl, token);
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.platform.stop();
    rmSync(this.consoleDir, { recursive: true, force: true });
  }
}
