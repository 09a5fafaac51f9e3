import { parseArgs } from 'node:util';
import { defaultStatePath } from './demo-state';

export const DEMO_USAGE = [
  'usage: npm run demo [-- --gateway <url>] [--state <file>] [--fresh]',
  '  --gateway <url>  the running platform (default $GATEWAY_URL, else http://127.0.0.1:3000)',
  '  --state <file>   where the demo keeps its ids between its two runs',
  '                   (default $DEMO_STATE_FILE, else ~/.cache/connected-health/demo-state.json)',
  '  --fresh          start a new demo even if a saved one waits for its second run',
].join('\n');

export interface DemoOptions {
  gatewayUrl: string;
  statePath: string;
  fresh: boolean;
}

export class DemoUsageError extends Error {}

/** The demo's command line, then its environment, then the defaults of `npm start`. */
export function parseDemoOptions(argv: readonly string[], env: NodeJS.ProcessEnv): DemoOptions | 'help' {
  let values: { gateway?: string; state?: string; fresh?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { gateway: { type: 'string' }, state: { type: 'string' }, fresh: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DemoUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const gatewayUrl = (values.gateway ?? env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(gatewayUrl);
  } catch {
    throw new DemoUsageError(`--gateway ${gatewayUrl} is not a URL (e.g. http://127.0.0.1:3000)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new DemoUsageError(`--gateway ${gatewayUrl} must be an http(s) URL`);
  return { gatewayUrl, statePath: values.state ?? defaultStatePath(env), fresh: values.fresh ?? false };
}
