import { signDevToken, type DevTokenRequest } from '@app/auth';
import { TOPICS } from '@app/contracts';
import { startConsumerGroupsAtEnd, startServiceTestApp, type ServiceTestApp } from '@app/testing';
import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { migrations } from '../migrations';
import { loadNotificationsConfig } from '../notifications.config';
import { NOTIFICATIONS, NotificationsModule } from '../notifications.module';

export type NotificationsTestApp = ServiceTestApp;

/** Short webhook retries: a receiver that stays down is FAILED within about a second. */
export const TEST_NOTIFICATIONS_ENV: Record<string, string> = {
  WEBHOOK_TIMEOUT_MS: '300',
  WEBHOOK_FIRST_RETRY_MS: '50',
  WEBHOOK_LONGEST_WAIT_MS: '200',
  WEBHOOK_RETRY_WINDOW_MS: '600',
};

export interface StartNotificationsOptions {
  ownRoles?: boolean;
  logs?: DestinationStream;
  /** Configuration variables of the test (added to TEST_NOTIFICATIONS_ENV). */
  env?: Record<string, string>;
}

/**
 * The real service on its own schema, with its own BullMQ prefix and its own
 * consumer groups placed at the end of each topic: it reads what the test
 * publishes once it started, nothing other tests left there.
 */
export async function startNotifications(options: StartNotificationsOptions = {}): Promise<NotificationsTestApp> {
  const groups = `t${randomBytes(5).toString('hex')}`;
  const purposes = {
    devices: `device-certifications-${groups}`,
    enrolments: `enrolments-${groups}`,
    claims: `claims-${groups}`,
    webhooks: `webhook-deliveries-${groups}`,
  };
  await startConsumerGroupsAtEnd([
    { groupId: `${NOTIFICATIONS.name}.${purposes.devices}`, topic: TOPICS.deviceCertification },
    { groupId: `${NOTIFICATIONS.name}.${purposes.enrolments}`, topic: TOPICS.enrolment },
    { groupId: `${NOTIFICATIONS.name}.${purposes.claims}`, topic: TOPICS.claims },
    { groupId: `${NOTIFICATIONS.name}.${purposes.webhooks}`, topic: TOPICS.notifications },
  ]);
  const env = { ...TEST_NOTIFICATIONS_ENV, ...options.env };
  return startServiceTestApp({
    service: NOTIFICATIONS.name,
    migrations,
    loadConfig: (processEnv, opts) => loadNotificationsConfig({ ...processEnv, ...env }, opts),
    ownRoles: options.ownRoles,
    allLogs: options.logs !== undefined,
    module: ({ config, schema }) =>
      NotificationsModule.forRoot({
        config: options.logs ? { ...config, LOG_LEVEL: 'trace' } : config,
        schema,
        queuePrefix: `bull-test-${schema}`,
        devicePurpose: purposes.devices,
        enrolmentPurpose: purposes.enrolments,
        claimsPurpose: purposes.claims,
        webhooksPurpose: purposes.webhooks,
        logDestination: options.logs,
      }),
  });
}

export const bearer = (request: DevTokenRequest): string => `Bearer ${signDevToken(request)}`;

export const notificationTokens = {
  physician: (rpps: string) => bearer({ role: 'physician', rpps, specialty: 'cardiology', sub: `physician-${rpps}` }),
  operator: (org: string) => bearer({ role: 'operator', org, sub: `operator-of-${org}` }),
  vendor: (siret: string) => bearer({ role: 'vendor', org: siret, sub: `vendor-of-${siret}` }),
  evaluator: (org: string) => bearer({ role: 'evaluator', org, sub: `evaluator-of-${org}` }),
  claimsProcessor: bearer({ role: 'claims_processor', sub: 'claims-processor-user' }),
  auditor: bearer({ role: 'auditor', sub: 'auditor-user' }),
  admin: bearer({ role: 'admin', sub: 'admin-user' }),
};
