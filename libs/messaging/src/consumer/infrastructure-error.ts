const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
// Postgres SQLSTATEs that say the server, not the message, is the problem.
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
const MESSAGES = /connection terminated|connection timeout|timeout exceeded when trying to connect|Connection is not established/i;

/**
 * Whether a handler failed because Postgres could not be reached rather than
 * because of the message. Such a failure must not send a good message to the
 * dead-letter topic: the consumer leaves the offset uncommitted and kafkajs
 * delivers the message again once the database answers.
 */
export function isInfrastructureError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message, driverError, cause } = error as Record<string, unknown>;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_CODES.has(code) || code.startsWith('08'))) {
    return true;
  }
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  return isInfrastructureError(driverError, depth + 1) || isInfrastructureError(cause, depth + 1);
}
