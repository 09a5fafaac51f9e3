import type { Provider } from '@nestjs/common';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { requireDataKey } from '../config/data-keys';
import type { PlatformConfig } from '../config/platform-config.schema';
import { SERVICE_TEXT_SEALER } from '../patient-keys/patient-keyring';
import { AesServiceTextSealer } from './aes-service-text-sealer';

/** SERVICE_TEXT_SEALER from the validated configuration: TEXT_ENCRYPTION_KEY, refused in production when it is the development default. */
export const serviceTextSealerProvider = (service: string): Provider => ({
  provide: SERVICE_TEXT_SEALER,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PlatformConfig) => new AesServiceTextSealer(requireDataKey(config, 'TEXT_ENCRYPTION_KEY'), service),
});
