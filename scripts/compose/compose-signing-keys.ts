import { chmodSync, chownSync, copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { signingKeysContributor } from '../platform/secrets/signing-keys';
import { keyFilesOf } from './compose-keys';

export interface DistributeKeysOptions {
  /** npm start's layout of every key and signers.json (XDG_CONFIG_HOME of signing-keys.ts): kept between runs. */
  store: string;
  /** `<outRoot>/<name>/` is the service's own volume. */
  outRoot: string;
  /** Owner of the copies: the image's `node` user, which the services run as. */
  uid: number;
  gid: number;
  /** CLOCK_OFFSET of the platform: signers' validFrom is on its clock, as with npm start. */
  clockOffset?: string;
}

/**
 * Makes (first run) or reuses every service's audit signing key and the
 * ledger's signers.json exactly as npm start does, then copies to each
 * service's own directory only the files compose-keys.ts gives it. Each copy
 * is written whole then renamed, so a service never reads half a key.
 * Returns, per service, the files it was given.
 */
export async function distributeKeys(services: readonly ServiceEntry[], options: DistributeKeysOptions): Promise<Map<string, string[]>> {
  const contribute = signingKeysContributor({ XDG_CONFIG_HOME: options.store, CLOCK_OFFSET: options.clockOffset });
  const given = new Map<string, string[]>();
  for (const service of services) {
    const made = await contribute(service, services);
    const wanted = keyFilesOf(service);
    const madeNames = Object.keys(made).sort().join(', ');
    const wantedNames = Object.keys(wanted).sort().join(', ');
    // Both follow from the service's topics; a disagreement means one of them changed alone.
    if (madeNames !== wantedNames) {
      throw new Error(`${service.name}: npm start gives it ${madeNames || 'no key file'}, compose-keys.ts ${wantedNames || 'none'}`);
    }
    const files: string[] = [];
    for (const [variable, fileName] of Object.entries(wanted)) {
      const dir = join(options.outRoot, service.name);
      mkdirSync(dir, { recursive: true });
      const target = join(dir, fileName);
      const temporary = `${target}.tmp`;
      copyFileSync(made[variable], temporary);
      chmodSync(temporary, 0o600);
      chownSync(temporary, options.uid, options.gid);
      renameSync(temporary, target);
      files.push(fileName);
    }
    if (files.length > 0) given.set(service.name, files);
  }
  return given;
}
