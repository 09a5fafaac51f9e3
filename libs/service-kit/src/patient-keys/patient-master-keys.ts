import { ConfiguredMasterKeyWrapper, parseMasterKeys } from '@app/fr-health';
import { ConfigError } from '../config/config-error';
import { requireDataKey } from '../config/data-keys';
import { DEV_DEFAULTS } from '../config/dev-defaults';
import type { PlatformConfig } from '../config/platform-config.schema';

const DEVELOPMENT_KEYS = new Set([...parseMasterKeys(DEV_DEFAULTS.patientMasterKeys).keys.values()].map((key) => key.toString('hex')));

/**
 * The configured master keys (PATIENT_MASTER_KEYS), asked for by the code
 * that wraps or unwraps data keys: the holders' keyring and `rotate-keys`.
 * In production, neither the development value nor a list still holding the
 * development key (left in after a rotation) is accepted.
 */
export function patientMasterKeysOf(config: Pick<PlatformConfig, 'NODE_ENV' | 'PATIENT_MASTER_KEYS'>): ConfiguredMasterKeyWrapper {
  const text = requireDataKey(config, 'PATIENT_MASTER_KEYS');
  const versions = parseMasterKeys(text);
  if (config.NODE_ENV === 'production') {
    const developmentVersions = [...versions.keys].filter(([, key]) => DEVELOPMENT_KEYS.has(key.toString('hex'))).map(([version]) => version);
    if (developmentVersions.length > 0) {
      throw new ConfigError([`PATIENT_MASTER_KEYS holds the public development key (version ${developmentVersions.join(', ')}): not in production`]);
    }
  }
  return new ConfiguredMasterKeyWrapper(versions);
}
