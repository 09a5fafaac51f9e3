import { randomBytes } from 'node:crypto';
import { DEV_DEFAULTS } from '../config/dev-defaults';
import { loadPlatformConfig } from '../config/load-platform-config';
import { patientMasterKeysOf } from './patient-master-keys';

const hex = () => randomBytes(32).toString('hex');
const devKey = DEV_DEFAULTS.patientMasterKeys.split(':')[1];

describe('PATIENT_MASTER_KEYS', () => {
  it('defaults to one development key in development and names a malformed list', () => {
    expect(patientMasterKeysOf(loadPlatformConfig({ NODE_ENV: 'development' }, { defaultPort: 1 })).versions).toEqual([1]);
    expect(() => loadPlatformConfig({ NODE_ENV: 'development', PATIENT_MASTER_KEYS: `2:${hex()},1:abc` }, { defaultPort: 1 })).toThrow(
      'PATIENT_MASTER_KEYS entry 2 must be <version>:<64 hex>[,<version>:<64 hex>...] (the first one wraps new keys)',
    );
    expect(() => loadPlatformConfig({ NODE_ENV: 'development', PATIENT_MASTER_KEYS: `2:${hex()},2:${hex()}` }, { defaultPort: 1 })).toThrow(
      'PATIENT_MASTER_KEYS version 2 appears twice',
    );
  });

  it('wraps under the first version given', () => {
    const wrapper = patientMasterKeysOf({ NODE_ENV: 'production', PATIENT_MASTER_KEYS: `3:${hex()},2:${hex()}` });
    expect(wrapper.currentVersion).toBe(3);
    expect(wrapper.versions).toEqual([3, 2]);
  });

  it('is required in production by the code that uses it, and never holds the public development key there', () => {
    expect(() => patientMasterKeysOf({ NODE_ENV: 'production', PATIENT_MASTER_KEYS: DEV_DEFAULTS.patientMasterKeys })).toThrow(
      'PATIENT_MASTER_KEYS is required in production by this service and must not be the development default',
    );
    expect(() => patientMasterKeysOf({ NODE_ENV: 'production', PATIENT_MASTER_KEYS: `2:${hex()},1:${devKey}` })).toThrow(
      'PATIENT_MASTER_KEYS holds the public development key (version 1): not in production',
    );
    expect(patientMasterKeysOf({ NODE_ENV: 'development', PATIENT_MASTER_KEYS: `2:${hex()},1:${devKey}` }).versions).toEqual([2, 1]);
  });
});
