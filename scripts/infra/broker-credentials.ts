import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type KafkaSettings } from './kafka-settings';

/** The principal the scripts and tests administer the local broker with (a super user). */
export const ADMIN_PRINCIPAL = 'admin';
/** The broker's own principal on the controller listener (SASL PLAIN; a super user). */
export const CONTROLLER_PRINCIPAL = 'controller';

/**
 * The secrets of one local broker instance, generated once and kept with it
 * (`<instance>/credentials.json`, mode 0600, outside the repository): the
 * admin's and the controller's, and one SCRAM password per service of
 * services.json. `onBroker` lists the SCRAM users the broker already knows
 * (written at format time, or added later by the admin).
 */
export interface BrokerCredentials {
  admin: string;
  controller: string;
  services: Record<string, string>;
  onBroker: string[];
}

const newSecret = (): string => randomBytes(24).toString('base64url');

export function readBrokerCredentials(s: KafkaSettings): BrokerCredentials | undefined {
  if (!existsSync(s.credentialsFile)) return undefined;
  const parsed = JSON.parse(readFileSync(s.credentialsFile, 'utf8')) as Partial<BrokerCredentials>;
  if (typeof parsed.admin !== 'string' || typeof parsed.controller !== 'string') {
    throw new Error(`${s.credentialsFile} is not a broker credentials file (no admin or controller secret): remove it to start afresh`);
  }
  return { admin: parsed.admin, controller: parsed.controller, services: parsed.services ?? {}, onBroker: parsed.onBroker ?? [] };
}

/** Written whole then renamed, readable by its owner only: a crash never leaves half a file. */
export function writeBrokerCredentials(s: KafkaSettings, credentials: BrokerCredentials): void {
  mkdirSync(s.instanceDir, { recursive: true, mode: 0o700 });
  const temporary = `${s.credentialsFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, s.credentialsFile);
}

/** The stored credentials with a password for each of `serviceNames` that has none yet (saved when it changed). */
export function ensureBrokerCredentials(s: KafkaSettings, serviceNames: readonly string[]): BrokerCredentials {
  const stored = readBrokerCredentials(s);
  const credentials: BrokerCredentials = stored ?? { admin: newSecret(), controller: newSecret(), services: {}, onBroker: [] };
  let changed = stored === undefined;
  for (const name of serviceNames) {
    if (credentials.services[name] !== undefined) continue;
    credentials.services[name] = newSecret();
    changed = true;
  }
  if (changed) writeBrokerCredentials(s, credentials);
  return credentials;
}

/** Every SCRAM user of the instance: the admin, then each service. */
export const scramUsers = (credentials: BrokerCredentials): Array<{ name: string; password: string }> => [
  { name: ADMIN_PRINCIPAL, password: credentials.admin },
  ...Object.entries(credentials.services).map(([name, password]) => ({ name, password })),
];

/** The kafkajs credentials of the admin principal. */
export const adminSasl = (credentials: BrokerCredentials) =>
  ({ mechanism: 'scram-sha-512', username: ADMIN_PRINCIPAL, password: credentials.admin }) as const;
