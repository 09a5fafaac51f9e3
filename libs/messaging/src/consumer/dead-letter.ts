import type { IHeaders } from 'kafkajs';

/** Headers added to a message parked on `<topic>.<consumer-service>.dlq`. */
export const DLQ_HEADERS = {
  errorMessage: 'dlq-error-message',
  errorName: 'dlq-error-name',
  errorCode: 'dlq-error-code',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  attempts: 'dlq-attempts',
  consumer: 'dlq-consumer',
  failedAt: 'dlq-failed-at',
} as const;

export interface DeadLetterCause {
  error: unknown;
  topic: string;
  partition: number;
  offset: string;
  attempts: number;
  consumer: string;
  failedAt: Date;
}

const MAX_ERROR_MESSAGE = 1_000;

/** The original headers plus why, where from and after how many attempts. */
export function deadLetterHeaders(original: IHeaders | undefined, cause: DeadLetterCause): IHeaders {
  const error = cause.error instanceof Error ? cause.error : new Error(String(cause.error));
  const code = (error as { code?: unknown }).code;
  const headers: IHeaders = {
    ...(original ?? {}),
    [DLQ_HEADERS.errorMessage]: error.message.slice(0, MAX_ERROR_MESSAGE),
    [DLQ_HEADERS.errorName]: error.name,
    [DLQ_HEADERS.originalTopic]: cause.topic,
    [DLQ_HEADERS.originalPartition]: String(cause.partition),
    [DLQ_HEADERS.originalOffset]: cause.offset,
    [DLQ_HEADERS.attempts]: String(cause.attempts),
    [DLQ_HEADERS.consumer]: cause.consumer,
    [DLQ_HEADERS.failedAt]: cause.failedAt.toISOString(),
  };
  if (code !== undefined && code !== null) headers[DLQ_HEADERS.errorCode] = String(code);
  return headers;
}
