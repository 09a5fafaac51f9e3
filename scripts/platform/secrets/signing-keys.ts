import { generateSigningKeyPem, keyIdOf, publicKeyToPem, signingKeyFromPem } from '@app/audit';
import { TOPICS } from '@app/contracts';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ServiceEntry } from '../../../apps/gateway/src/registry';
import { tryParseClockOffset } from '../../../libs/service-kit/src/clock/clock-offset';
import type { ServiceEnvContributor } from '../service-env';

/** One entry of signers.json, the ledger's AUDIT_SIGNERS_FILE (API.md `GET /v1/ledger/signers` without keyId). */
export interface SignerFileEntry {
  service: string;
  publicKeyPem: string;
  validFrom: string;
  validUntil?: string;
}

const writesAudit = (service: ServiceEntry): boolean => service.topics.publishes.includes(TOPICS.auditEntries);
const readsAudit = (service: ServiceEntry): boolean => service.topics.consumes.includes(TOPICS.auditEntries);

/** Outside the repository, so a development key is never committed; one file per service, mode 0600. */
export function signingKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'connected-health', 'signing-keys');
}

/**
 * `npm start`'s development keys: every service that publishes audit.entries.v1
 * gets its own AUDIT_SIGNING_KEY_FILE (generated on first start, reused
 * after), and the service that consumes audit.entries.v1 (the ledger) gets
 * AUDIT_SIGNERS_FILE, a signers.json of every writer's public keys. No
 * service sees another's private key.
 */
export function signingKeysContributor(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): ServiceEnvContributor {
  return (service, services) => {
    const dir = signingKeysDir(env);
    const own: Record<string, string> = {};
    if (writesAudit(service)) own.AUDIT_SIGNING_KEY_FILE = ensureKey(dir, service.name);
    if (readsAudit(service)) own.AUDIT_SIGNERS_FILE = writeSigners(dir, services.filter(writesAudit), platformNow(env, now));
    return own;
  };
}

export const signingKeys: ServiceEnvContributor = signingKeysContributor();

function ensureKey(dir: string, service: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${service}.pem`);
  try {
    writeFileSync(file, generateSigningKeyPem().privateKeyPem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Made on an earlier start (or by a concurrent one): keep it, entries it sealed must keep verifying.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return file;
}

/**
 * Keeps every key ever listed (a key deleted and regenerated is a rotation:
 * the old one gets a validUntil, so what it sealed still verifies). A new
 * key is valid from its creation on the platform clock; a development clock
 * moved back (CLOCK_OFFSET=-2h) moves that validFrom back to the platform
 * time of this start, never forward, so entries dated by a shifted clock
 * still verify. A clock moved forward needs nothing: keys have no end.
 */
function writeSigners(dir: string, writers: readonly ServiceEntry[], platformNow: Date): string {
  const file = join(dir, 'signers.json');
  const signers = readSigners(file);
  const at = platformNow.toISOString();
  for (const writer of writers) {
    const publicKeyPem = publicKeyToPem(signingKeyFromPem(readFileSync(ensureKey(dir, writer.name), 'utf8')).publicKey);
    const current = signers.find((s) => s.service === writer.name && s.publicKeyPem === publicKeyPem);
    if (current) {
      if (at < current.validFrom) current.validFrom = at;
      continue;
    }
    for (const old of signers) if (old.service === writer.name && old.validUntil === undefined) old.validUntil = at;
    signers.push({ service: writer.name, publicKeyPem, validFrom: at });
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(signers, null, 2)}\n`, { mode: 0o644 });
  renameSync(temporary, file);
  return file;
}

function readSigners(file: string): SignerFileEntry[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as SignerFileEntry[];
    // A hand-edited file with a broken key is rewritten without it rather than stopping npm start.
    return Array.isArray(parsed) ? parsed.filter((s) => isUsable(s)) : [];
  } catch {
    return [];
  }
}

function isUsable(signer: SignerFileEntry): boolean {
  try {
    keyIdOf(signer.publicKeyPem);
    return typeof signer.service === 'string' && typeof signer.validFrom === 'string';
  } catch {
    return false;
  }
}

function platformNow(env: NodeJS.ProcessEnv, now: () => Date): Date {
  return new Date(now().getTime() + (tryParseClockOffset(env.CLOCK_OFFSET) ?? 0));
}
