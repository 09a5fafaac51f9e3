import { ServiceKitModule, type ServiceIdentity, type ServiceOverrides } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { CertifyDeviceHandler } from './commands/certify-device/certify-device.handler';
import { ChangeCertificationStatusHandler } from './commands/change-certification-status/change-certification-status.handler';
import { ChangeCertificationStatusHttpController } from './commands/change-certification-status/change-certification-status.http.controller';
import { DeviceAggregate } from './commands/device.aggregate';
import { DeviceTextSealer } from './commands/device-text.sealer';
import { ExpireCertificationHandler } from './commands/expire-certification/expire-certification.handler';
import { RecertifyDeviceHandler } from './commands/recertify-device/recertify-device.handler';
import { RecertifyDeviceHttpController } from './commands/recertify-device/recertify-device.http.controller';
import { RegisterDeviceHandler } from './commands/register-device/register-device.handler';
import { RegisterDeviceHttpController } from './commands/register-device/register-device.http.controller';
import { RejectDeviceHandler } from './commands/reject-device/reject-device.handler';
import { ReviewDeviceHttpController } from './commands/review-device/review-device.http.controller';
import { SubmitDeviceHandler } from './commands/submit-device/submit-device.handler';
import { SubmitDeviceHttpController } from './commands/submit-device/submit-device.http.controller';
import { UpdateDeviceHandler } from './commands/update-device/update-device.handler';
import { UpdateDeviceHttpController } from './commands/update-device/update-device.http.controller';
import { CertificationExpirySweep } from './jobs/certification-expiry.sweep';
import { deviceEventTypes } from './domain/device.upcasters';
import { DEVICE_DEFINITION_CAPABILITY } from './fhir/device-definition/device-definition.capability';
import { DeviceDefinitionHttpController } from './fhir/device-definition/device-definition.http.controller';
import { ReadDeviceDefinitionHandler } from './fhir/device-definition/read-device-definition.handler';
import { SearchDeviceDefinitionHandler } from './fhir/device-definition/search-device-definition.handler';
import { DEVICE_CERTIFICATION_JOBS } from './jobs/device-certification.jobs';
import { migrations } from './migrations';
import { DeviceCatalogueProjection } from './projections/device-catalogue.projection';
import { DeviceCatalogueRepository } from './projections/device-catalogue.repository';
import { DeviceHistoryHandler } from './queries/device-history/device-history.handler';
import { DeviceHistoryHttpController } from './queries/device-history/device-history.http.controller';
import { GetDeviceHandler } from './queries/get-device/get-device.handler';
import { GetDeviceHttpController } from './queries/get-device/get-device.http.controller';
import { ListDevicesHandler } from './queries/list-devices/list-devices.handler';
import { ListDevicesHttpController } from './queries/list-devices/list-devices.http.controller';

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const DEVICE_CERTIFICATION: ServiceIdentity = { name: 'device-certification', defaultPort: 3001, schema: 'device_certification' };

/**
 * Vendors register products; evaluation bodies certify, suspend, revoke;
 * certifications expire by themselves. The evaluators' free texts are sealed
 * in the events and committed in the audit entries, and disclosed from
 * `POST /internal/audit-disclosures` (services.json `disclosures`). The
 * catalogue is also served as FHIR R4 DeviceDefinitions (`/fhir/R4`).
 */
@Module({})
export class DeviceCertificationModule {
  static forRoot(overrides: ServiceOverrides = {}): DynamicModule {
    return {
      module: DeviceCertificationModule,
      imports: [
        ServiceKitModule.forRoot({
          ...DEVICE_CERTIFICATION,
          migrations,
          eventSourced: true,
          eventTypes: deviceEventTypes(),
          // Evaluators' reasons and notes: sealed under the service's text key, disclosed from its audit entries.
          serviceTexts: true,
          auditDisclosures: true,
          jobs: DEVICE_CERTIFICATION_JOBS,
          // The catalogue as FHIR DeviceDefinitions (services.json routes /fhir/R4/DeviceDefinition here).
          fhir: [DEVICE_DEFINITION_CAPABILITY],
          ...overrides,
        }),
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
        DeviceDefinitionHttpController,
      ],
      providers: [
        DeviceCatalogueRepository,
        DeviceCatalogueProjection,
        DeviceAggregate,
        DeviceTextSealer,
        RegisterDeviceHandler,
        UpdateDeviceHandler,
        SubmitDeviceHandler,
        CertifyDeviceHandler,
        RejectDeviceHandler,
        RecertifyDeviceHandler,
        ChangeCertificationStatusHandler,
        ExpireCertificationHandler,
        GetDeviceHandler,
        ListDevicesHandler,
        DeviceHistoryHandler,
        ReadDeviceDefinitionHandler,
        SearchDeviceDefinitionHandler,
        CertificationExpirySweep,
      ],
    };
  }
}
