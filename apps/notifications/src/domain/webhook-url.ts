import ipaddr from 'ipaddr.js';

export interface WebhookUrlPolicy {
  /** Development (NODE_ENV=development or test): http and local receivers allowed, for a receiver on the developer's machine. */
  development: boolean;
}

const MAX_URL_LENGTH = 2048;

/**
 * Whether the platform may POST to `address` outside development: only a
 * public unicast address. Loopback, private, link-local (cloud metadata at
 * 169.254.169.254), unique-local, carrier-grade NAT, reserved and the IPv4
 * forms hidden in IPv6 are refused: a webhook must not make the platform
 * reach inside its own network. Checked on the URL's literal address when the
 * webhook is created, and on every address a name resolves to when a delivery
 * connects (a name may point elsewhere later).
 */
export function addressAllowed(address: string, policy: WebhookUrlPolicy): boolean {
  if (policy.development) return true;
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  const plain = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
  return plain.range() === 'unicast';
}

/** The URL's host as an address or a name: IPv6 without its brackets, lowercase. */
const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** The URL's host when it is a literal address `addressAllowed` refuses (connected to without any lookup), else null. */
export function refusedLiteralAddress(url: URL, policy: WebhookUrlPolicy): string | null {
  const host = hostOf(url);
  return ipaddr.isValid(host) && !addressAllowed(host, policy) ? host : null;
}

/**
 * What is wrong with a webhook URL, or null: an absolute https URL (http in
 * development) without credentials, whose host, outside development, is
 * neither `localhost` nor a literal address that `addressAllowed` refuses.
 */
export function webhookUrlProblem(url: unknown, policy: WebhookUrlPolicy): string | null {
  if (typeof url !== 'string' || url.length === 0) return 'must be an absolute URL';
  if (url.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  const schemes = policy.development ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(parsed.protocol)) return policy.development ? 'must be an http or https URL' : 'must be an https URL';
  if (parsed.username || parsed.password) return 'must not hold credentials (the signature authenticates the platform)';
  if (policy.development) return null;
  const host = hostOf(parsed);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'must not point at the platform itself (localhost)';
  if (refusedLiteralAddress(parsed, policy)) return 'must not point at a loopback, private or reserved address';
  return null;
}

/**
 * The URL as the immutable ledger keeps it: scheme, host and path. A query or
 * fragment may carry a receiver's token, which must not outlive the webhook
 * in an entry no one can erase; that one was there is said, not what.
 */
export function auditedUrl(url: string): string {
  const parsed = new URL(url);
  const withheld = parsed.search || parsed.hash ? '?(withheld)' : '';
  return `${parsed.origin}${parsed.pathname}${withheld}`;
}
