import { ServiceKitModule, type ServiceIdentity, type ServiceOverrides } from '@app/service-kit';
import { type DynamicModule, Module } from '@nestjs/common';
import { NotificationAggregate } from './commands/notification.aggregate';
import { Notifier } from './commands/notifier';
import { ReadNotificationHandler } from './commands/read-notification/read-notification.handler';
import { ReadNotificationHttpController } from './commands/read-notification/read-notification.http.controller';
import { ClaimsConsumer, CLAIMS_CONSUMER_PURPOSE } from './messaging/claims.consumer';
import { DeviceAlerts } from './messaging/device-alerts';
import { DEVICE_CONSUMER_PURPOSE, DeviceCertificationConsumer } from './messaging/device-certification.consumer';
import { ENROLMENT_CONSUMER_PURPOSE, EnrolmentConsumer } from './messaging/enrolment.consumer';
import { migrations } from './migrations';
import { loadNotificationsConfig } from './notifications.config';
import { ClaimAudiencesRepository } from './projections/claim-audiences.repository';
import { DeviceAudiencesRepository } from './projections/device-audiences.repository';
import { EnrolmentAudiencesRepository } from './projections/enrolment-audiences.repository';
import { NotificationReadModel } from './projections/notification-read-model.projection';
import { NotificationsRepository } from './projections/notifications.repository';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { ListNotificationsHttpController } from './queries/list-notifications/list-notifications.http.controller';
import { WEBHOOKS_CONSUMER_PURPOSE } from './webhooks/webhooks-consumer-purpose';
import { WEBHOOK_CONTROLLERS, WEBHOOK_JOBS, WEBHOOK_PROVIDERS } from './webhooks/webhooks.providers';

/** The service as the platform knows it (services.json names it, its port and its schema alike). */
export const NOTIFICATIONS: ServiceIdentity = { name: 'notifications', defaultPort: 3007, schema: 'notifications' };

export interface NotificationsOverrides extends ServiceOverrides {
  /** Consumer group purposes: a test's fresh schema reads each topic under its own groups. */
  devicePurpose?: string;
  enrolmentPurpose?: string;
  claimsPurpose?: string;
  webhooksPurpose?: string;
}

/**
 * `/v1/notifications` and `/v1/webhooks`: what a person must know of the
 * facts the other contexts publish, told once to exactly those concerned
 * (NOTIFICATION_RULES), in each user's inbox and to each organisation's
 * webhooks (signed, retried, logged). Telling a prescriber a fact that
 * engages them is audited, when told and when read.
 */
@Module({})
export class NotificationsModule {
  static forRoot({ devicePurpose, enrolmentPurpose, claimsPurpose, webhooksPurpose, ...overrides }: NotificationsOverrides = {}): DynamicModule {
    const config = overrides.config ?? (() => loadNotificationsConfig(process.env, { defaultPort: NOTIFICATIONS.defaultPort }));
    return {
      module: NotificationsModule,
      imports: [ServiceKitModule.forRoot({ ...NOTIFICATIONS, migrations, eventSourced: true, serviceTexts: true, jobs: WEBHOOK_JOBS, ...overrides, config })],
      controllers: [ListNotificationsHttpController, ReadNotificationHttpController, ...WEBHOOK_CONTROLLERS],
      providers: [
        { provide: DEVICE_CONSUMER_PURPOSE, useValue: devicePurpose ?? 'device-certifications' },
        { provide: ENROLMENT_CONSUMER_PURPOSE, useValue: enrolmentPurpose ?? 'enrolments' },
        { provide: CLAIMS_CONSUMER_PURPOSE, useValue: claimsPurpose ?? 'claims' },
        { provide: WEBHOOKS_CONSUMER_PURPOSE, useValue: webhooksPurpose ?? 'webhook-deliveries' },
        DeviceCertificationConsumer,
        EnrolmentConsumer,
        ClaimsConsumer,
        DeviceAlerts,
        DeviceAudiencesRepository,
        EnrolmentAudiencesRepository,
        ClaimAudiencesRepository,
        NotificationsRepository,
        NotificationReadModel,
        NotificationAggregate,
        Notifier,
        ReadNotificationHandler,
        ListNotificationsHandler,
        ...WEBHOOK_PROVIDERS,
      ],
    };
  }
}
