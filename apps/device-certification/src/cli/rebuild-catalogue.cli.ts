/**
 * `npm run rebuild:device-catalogue`: drops the catalogue read model and folds
 * every device stream again. Safe at any time: the rebuild keeps writers out
 * of the table while it reads every committed event (readers go on), commands
 * that come meanwhile write their rows after it, and its transaction replaces
 * the table at once.
 */
import { EventStore } from '@app/event-sourcing';
import { loadPlatformConfig, postgresOptions } from '@app/service-kit';
import { DataSource } from 'typeorm';
import { DEVICE_CERTIFICATION } from '../device-certification.module';
import { deviceEventTypes } from '../domain/device.upcasters';
import { DeviceCatalogueProjection } from '../projections/device-catalogue.projection';
import { DeviceCatalogueRepository } from '../projections/device-catalogue.repository';

async function main(): Promise<void> {
  const config = loadPlatformConfig(process.env, { defaultPort: DEVICE_CERTIFICATION.defaultPort });
  const dataSource = new DataSource(postgresOptions(config, { schema: process.env.SCHEMA ?? DEVICE_CERTIFICATION.schema }));
  await dataSource.initialize();
  try {
    const projection = new DeviceCatalogueProjection(new DeviceCatalogueRepository(dataSource), dataSource);
    const devices = await projection.rebuild(new EventStore(dataSource, deviceEventTypes()));
    process.stdout.write(`device catalogue rebuilt from the events: ${devices} device(s)\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
