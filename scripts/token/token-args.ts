import { isRole, ROLES } from '@app/contracts';
import { validateNir, validateRpps, validateSiret } from '@app/fr-health';
import { type DevTokenRequest, MAX_TOKEN_LIFETIME_SECONDS } from '@app/auth';

export const TOKEN_USAGE = `Usage: npm run token -- --role <role> [--org X] [--rpps X] [--specialty X] [--nir X] [--sub X] [--ttl 8h]
Roles: ${ROLES.join(', ')}
Prints a development HS256 token signed with JWT_SECRET; for a patient, --nir (or a demo NIR)
is turned into the pseudonym with PSEUDONYM_SECRET and never put in the token.`;

/** A bad command line: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

const FLAGS = ['role', 'org', 'rpps', 'specialty', 'nir', 'sub', 'ttl'] as const;
type Flag = (typeof FLAGS)[number];
const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

function readFlags(argv: string[]): Partial<Record<Flag, string>> {
  const flags: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [name, inlineValue] = argv[i].replace(/^--/, '').split(/=(.*)/s, 2);
    if (!argv[i].startsWith('--') || !(FLAGS as readonly string[]).includes(name)) throw new UsageError(`unknown argument ${argv[i]}`);
    const value = inlineValue ?? argv[i + 1];
    if (inlineValue !== undefined) i -= 1;
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags[name as Flag] = value;
  }
  return flags;
}

export function parseTtl(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl);
  if (!match || Number(match[1]) === 0) throw new UsageError(`--ttl must be a positive duration like 30m, 8h or 12h; got ${ttl}`);
  const seconds = Number(match[1]) * TTL_UNITS[match[2]];
  // The services refuse a longer-lived token: better said here than as a 401 later.
  if (seconds > MAX_TOKEN_LIFETIME_SECONDS) throw new UsageError(`--ttl must be at most 12h (tokens live 12 hours at most); got ${ttl}`);
  return seconds;
}

/** Checks the command line; identifiers are validated so a typo fails here, not at the API. */
export function parseTokenArgs(argv: string[]): DevTokenRequest {
  const flags = readFlags(argv);
  if (!flags.role) throw new UsageError('--role is required');
  if (!isRole(flags.role)) throw new UsageError(`unknown role ${flags.role}; expected one of ${ROLES.join(', ')}`);
  const check = (name: string, result: { ok: true } | { ok: false; reason: string }) => {
    if (!result.ok) throw new UsageError(`--${name}: ${result.reason}`);
  };
  if (flags.role === 'vendor' && flags.org !== undefined) check('org', validateSiret(flags.org));
  if (flags.rpps !== undefined) check('rpps', validateRpps(flags.rpps));
  if (flags.nir !== undefined) check('nir', validateNir(flags.nir));
  if (flags.specialty !== undefined && !/^[a-z][a-z_]{1,63}$/.test(flags.specialty)) {
    throw new UsageError('--specialty must be lowercase words joined by _, e.g. cardiology or general_practice');
  }
  return {
    role: flags.role,
    sub: flags.sub,
    org: flags.org,
    rpps: flags.rpps,
    specialty: flags.specialty,
    nir: flags.nir,
    ttlSeconds: flags.ttl === undefined ? undefined : parseTtl(flags.ttl),
  };
}
