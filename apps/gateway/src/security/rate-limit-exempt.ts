import { CONSOLE_FILE_PREFIXES } from '../console/console-paths';

/**
 * What the rate limit never counts: probes (/health/*, the orchestrator's and
 * the load balancer's), the metrics scrape and the public API documents
 * (/docs, /docs/services.json, /docs/<service>/json), and the web console's
 * own files (/assets, /console: a page load fetches several). The match is on the
 * exact lowercase path: any other spelling is counted, the safe side.
 */
export function isRateLimitExempt(url: string): boolean {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return EXEMPT.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

const EXEMPT = ['/health', '/metrics', '/docs', ...CONSOLE_FILE_PREFIXES];
