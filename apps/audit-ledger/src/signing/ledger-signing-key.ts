import { ledgerPublicKey, signingKeyFromPem, type Ed25519SigningKey, type LedgerPublicKey } from '@app/audit';
import { Logger } from '@nestjs/common';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Injection token of the ledger's signing key. */
export const LEDGER_SIGNING_KEY = Symbol('LEDGER_SIGNING_KEY');

export interface LedgerSigningKey {
  privateKey: Ed25519SigningKey;
  publicKey: LedgerPublicKey;
}

/** Outside the repository, so a development key is never committed and survives a fresh clone. */
export const DEV_KEY_PATH = path.join(homedir(), '.cache', 'connected-health', 'ledger-dev-key.pem');

export function signingKeyFrom(privateKey: KeyObject): LedgerSigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('LEDGER_SIGNING_KEY must be an Ed25519 key');
  // libs/audit takes bytes, not KeyObjects (it runs in browsers too): hand it the PKCS#8 form.
  const key = signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  return { privateKey: key, publicKey: ledgerPublicKey(key) };
}

/**
 * The configured key; in development, without one, a key generated once and
 * kept in DEV_KEY_PATH (production refuses to start without a key: a key
 * that changes would make every past tree head unverifiable).
 */
export function loadSigningKey(config: { LEDGER_SIGNING_KEY?: string; NODE_ENV: string }): LedgerSigningKey {
  // Orchestrators often pass a PEM on one line with literal \n separators.
  if (config.LEDGER_SIGNING_KEY) return signingKeyFrom(createPrivateKey(config.LEDGER_SIGNING_KEY.replace(/\\n/g, '\n')));
  if (config.NODE_ENV === 'production') throw new Error('LEDGER_SIGNING_KEY is required in production');
  if (!existsSync(DEV_KEY_PATH)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(path.dirname(DEV_KEY_PATH), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(DEV_KEY_PATH, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      new Logger('LedgerSigningKey').warn(`Generated a development tree-head signing key in ${DEV_KEY_PATH}`);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return signingKeyFrom(createPrivateKey(readFileSync(DEV_KEY_PATH, 'utf8')));
}
