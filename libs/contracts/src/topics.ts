/** Kafka topics, keyed by stream id so one aggregate keeps its order. */
export const TOPICS = {
  deviceCertification: 'device-certification.events.v1',
  prescription: 'prescription.events.v1',
  enrolment: 'enrolment.events.v1',
  claims: 'claims.events.v1',
  auditEntries: 'audit.entries.v1',
  auditAlerts: 'audit.alerts.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** Where a consumer parks a message it could not handle after its retries. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
