import { Logger } from '@nestjs/common';
import { logLevel, type LogEntry, type logCreator } from 'kafkajs';

/**
 * The relay bounds each send's retries on purpose: it retries the same head
 * batch itself until it goes, so kafkajs's warning about limited retries on an
 * idempotent producer does not apply and would only repeat on every reconnect.
 */
const IGNORED_MESSAGES = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

/** Fields of a kafkajs log entry worth keeping; never message values. */
const KEPT_FIELDS = ['broker', 'clientId', 'groupId', 'topic', 'partition', 'error', 'retryCount', 'retryTime'] as const;

export function summariseKafkaLog(entry: LogEntry): { message: string; fields: Record<string, unknown> } {
  const { message, ...rest } = entry.log;
  const fields: Record<string, unknown> = {};
  for (const key of KEPT_FIELDS) {
    if ((rest as Record<string, unknown>)[key] !== undefined) fields[key] = (rest as Record<string, unknown>)[key];
  }
  return { message, fields };
}

/** Routes kafkajs logs to a Nest logger (hence to pino in the services). */
export function nestKafkaLogCreator(logger = new Logger('Kafka')): logCreator {
  return () => (entry: LogEntry) => {
    const { message, fields } = summariseKafkaLog(entry);
    if (IGNORED_MESSAGES.has(message)) return;
    const line = `[${entry.namespace}] ${message}${Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}`;
    switch (entry.level) {
      case logLevel.ERROR:
        logger.error(line);
        break;
      case logLevel.WARN:
        logger.warn(line);
        break;
      case logLevel.INFO:
        logger.log(line);
        break;
      default:
        logger.debug(line);
    }
  };
}
