/** Kafka topics, keyed by stream id so one aggregate keeps its order. */
export const TOPICS = {
  deviceCertification: 'device-certification.events.v1',
  prescription: 'prescription.events.v1',
  enrolment: 'enrolment.events.v1',
  claims: 'claims.events.v1',
  patients: 'patients.events.v1',
  notifications: 'notifications.events.v1',
  auditEntries: 'audit.entries.v1',
  auditAlerts: 'audit.alerts.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/**
 * Where a consumer of `consumerService` parks a message of `topic` it could not
 * handle after its retries. Several services consume one topic: each owns its
 * dead letters, so its Kafka principal may write them and no other's.
 */
export const deadLetterTopic = (topic: string, consumerService: string): string => `${topic}.${consumerService}.dlq`;

/** The prefix of every dead-letter topic of `consumerService` for `topic` (a PREFIXED Kafka ACL). */
export const deadLetterTopicPrefix = (topic: string, consumerService: string): string => `${topic}.${consumerService}.`;
