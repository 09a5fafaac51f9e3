import { AuthModule } from '@app/auth';
import { EventSourcingModule } from '@app/event-sourcing';
import { ServiceKitModule, platformBullModule, platformMessagingModule, type PlatformConfig } from '@app/service-kit';
import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { ChangeCertificationStatusHttpController } from './commands/change-certification-status/change-certification-status.http.controller';
import { ExecuteDeviceCommandHandler } from './commands/execute-device-command.handler';
import { RecertifyDeviceHttpController } from './commands/recertify-device/recertify-device.http.controller';
import { RegisterDeviceHttpController } from './commands/register-device/register-device.http.controller';
import { ReviewDeviceHttpController } from './commands/review-device/review-device.http.controller';
import { SubmitDeviceHttpController } from './commands/submit-device/submit-device.http.controller';
import { UpdateDeviceHttpController } from './commands/update-device/update-device.http.controller';
import { CertificationExpiryProcessor } from './jobs/certification-expiry.processor';
import { CERTIFICATION_EXPIRY_QUEUE } from './jobs/certification-expiry.queue';
import { CertificationExpiryScheduler } from './jobs/certification-expiry.scheduler';
import { CertificationExpirySweep } from './jobs/certification-expiry.sweep';
import { migrations } from './migrations';
import { DeviceCatalogueRow } from './projections/device-catalogue.entity';
import { DeviceHistoryHandler } from './queries/device-history/device-history.handler';
import { DeviceHistoryHttpController } from './queries/device-history/device-history.http.controller';
import { GetDeviceHandler } from './queries/get-device/get-device.handler';
import { GetDeviceHttpController } from './queries/get-device/get-device.http.controller';
import { ListDevicesHandler } from './queries/list-devices/list-devices.handler';
import { ListDevicesHttpController } from './queries/list-devices/list-devices.http.controller';

export const SERVICE = 'device-certification';
export const SCHEMA = 'device_certification';
export const DEFAULT_PORT = 3001;

export interface DeviceCertificationOptions {
  /** Tests pass their own (fresh schema, Kafka topic prefix); the process reads the environment. */
  config?: PlatformConfig;
  schema?: string;
  /** BullMQ key prefix, so tests do not share queues with a running platform. */
  queuePrefix?: string;
}

/** Vendors register products; evaluation bodies certify, suspend, revoke; certifications expire by themselves. */
@Module({})
export class DeviceCertificationModule {
  static forRoot(options: DeviceCertificationOptions = {}): DynamicModule {
    return {
      module: DeviceCertificationModule,
      imports: [
        ServiceKitModule.forRoot({
          name: SERVICE,
          defaultPort: DEFAULT_PORT,
          schema: options.schema ?? SCHEMA,
          migrations,
          entities: [DeviceCatalogueRow],
          readiness: { postgres: true, kafka: true, redis: true },
          ...(options.config ? { config: options.config } : {}),
        }),
        AuthModule.forRoot(),
        EventSourcingModule.forRoot({ service: SERVICE }),
        platformMessagingModule(SERVICE),
        platformBullModule(options.queuePrefix ?? `bull:${SERVICE}`),
        BullModule.registerQueue({ name: CERTIFICATION_EXPIRY_QUEUE }),
      ],
      controllers: [
        RegisterDeviceHttpController,
        UpdateDeviceHttpController,
        SubmitDeviceHttpController,
        ReviewDeviceHttpController,
        RecertifyDeviceHttpController,
        ChangeCertificationStatusHttpController,
        ListDevicesHttpController,
        GetDeviceHttpController,
        DeviceHistoryHttpController,
      ],
      providers: [
        ExecuteDeviceCommandHandler,
        GetDeviceHandler,
        ListDevicesHandler,
        DeviceHistoryHandler,
        CertificationExpirySweep,
        CertificationExpiryProcessor,
        CertificationExpiryScheduler,
      ],
    };
  }
}
