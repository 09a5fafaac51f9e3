import { Test } from '@nestjs/testing';
import type { Clock } from '../clock/clock';
import { CLOCK } from '../clock/clock.tokens';
import { PLATFORM_CONFIG, SERVICE_NAME } from './config.tokens';
import { loadPlatformConfig } from './load-platform-config';
import type { PlatformConfig } from './platform-config.schema';
import { ServiceConfigModule } from './service-config.module';

describe('ServiceConfigModule', () => {
  it('provides the config, the service name and a clock shifted by CLOCK_OFFSET', async () => {
    const config = loadPlatformConfig({ NODE_ENV: 'test', CLOCK_OFFSET: '+40d', LOG_LEVEL: 'silent' }, { defaultPort: 3001 });
    const moduleRef = await Test.createTestingModule({
      imports: [ServiceConfigModule.forRoot({ name: 'prescription', config })],
    }).compile();
    const clock = moduleRef.get<Clock>(CLOCK);
    const shift = clock.now().getTime() - Date.now();
    expect(shift).toBeGreaterThan(40 * 86_400_000 - 1000);
    expect(shift).toBeLessThanOrEqual(40 * 86_400_000);
    expect(moduleRef.get<PlatformConfig>(PLATFORM_CONFIG).PORT).toBe(3001);
    expect(moduleRef.get(SERVICE_NAME)).toBe('prescription');
  });

  it('calls a config loader once, at start-up', async () => {
    const loader = jest.fn(() => loadPlatformConfig({ NODE_ENV: 'test' }, { defaultPort: 3002 }));
    const moduleRef = await Test.createTestingModule({
      imports: [ServiceConfigModule.forRoot({ name: 'claims', config: loader })],
    }).compile();
    moduleRef.get(PLATFORM_CONFIG);
    moduleRef.get(CLOCK);
    expect(loader).toHaveBeenCalledTimes(1);
  });
});
