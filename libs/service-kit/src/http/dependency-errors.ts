const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** SQLSTATE: connection exceptions (08xxx), shutdown / cannot connect now (57P01-57P03), too many connections. */
const POSTGRES_UNAVAILABLE = /^(08|57P0[123]|53300)/;
const UNAVAILABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSBrokerNotFound',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'MaxRetriesPerRequestError',
]);
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Connection is closed/i,
  /Stream isn't writeable/i,
];

/**
 * Whether an error means Postgres, Kafka or Redis could not be reached (503,
 * the client may retry) rather than a bug (500). Looks through the wrappers
 * the drivers put around the cause (TypeORM `driverError`, kafkajs
 * `originalError`, `cause`, AggregateError).
 */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const candidate = error as Record<string, unknown>;
  if (typeof candidate.code === 'string' && (NETWORK_CODES.has(candidate.code) || isPostgresUnavailable(candidate))) {
    return true;
  }
  if (typeof candidate.name === 'string' && UNAVAILABLE_NAMES.has(candidate.name)) return true;
  if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(candidate.message as string))) {
    return true;
  }
  const nested = [candidate.cause, candidate.driverError, candidate.originalError, ...asArray(candidate.errors)];
  return nested.some((inner) => isDependencyUnavailable(inner, depth + 1));
}

function isPostgresUnavailable(candidate: Record<string, unknown>): boolean {
  // pg errors carry a 5-character SQLSTATE and a `severity`; node errors do not.
  return typeof candidate.severity === 'string' && POSTGRES_UNAVAILABLE.test(candidate.code as string);
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
