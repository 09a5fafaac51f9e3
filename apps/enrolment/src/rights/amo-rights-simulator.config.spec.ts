import { ConfigError, extendConfig } from '@app/service-kit';
import { AMO_RIGHTS_SIMULATOR_CONFIG } from './amo-rights-simulator.config';

const load = extendConfig(AMO_RIGHTS_SIMULATOR_CONFIG);

describe('AMO_RIGHTS_SIMULATOR_DEFAULT', () => {
  it('is OPEN unless set to CLOSED', () => {
    expect(load({ NODE_ENV: 'test' }, { defaultPort: 3003 }).AMO_RIGHTS_SIMULATOR_DEFAULT).toBe('OPEN');
    expect(load({ NODE_ENV: 'test', AMO_RIGHTS_SIMULATOR_DEFAULT: 'CLOSED' }, { defaultPort: 3003 }).AMO_RIGHTS_SIMULATOR_DEFAULT).toBe('CLOSED');
  });

  it('stops the start naming itself when it is anything else', () => {
    expect(() => load({ NODE_ENV: 'test', AMO_RIGHTS_SIMULATOR_DEFAULT: 'closed' }, { defaultPort: 3003 })).toThrow(ConfigError);
    expect(() => load({ NODE_ENV: 'test', AMO_RIGHTS_SIMULATOR_DEFAULT: 'closed' }, { defaultPort: 3003 })).toThrow(
      /AMO_RIGHTS_SIMULATOR_DEFAULT must be one of OPEN, CLOSED/,
    );
  });
});
