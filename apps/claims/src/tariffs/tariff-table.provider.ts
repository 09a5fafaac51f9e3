import { PLATFORM_CONFIG } from '@app/service-kit';
import type { Provider } from '@nestjs/common';
import type { ClaimsConfig } from '../claims.config';
import type { TariffTable } from '../domain/tariffs/tariff-table';
import { loadTariffFile } from './tariff-file';
import { TARIFF_TABLE } from './tariff-table.token';

/** TARIFF_TABLE: the table of TARIFFS_FILE, loaded once; a test may give its own (a tariff change mid-month). */
export const tariffTableProvider = (override?: TariffTable): Provider => ({
  provide: TARIFF_TABLE,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: ClaimsConfig): TariffTable => override ?? loadTariffFile(config.TARIFFS_FILE),
});
