import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions, type DestinationStream } from 'pino';
import type { PlatformConfig } from '../config/platform-config.schema';
import { clientCorrelationIdOf, correlationIdFor } from './correlation-id';
import { loggableError } from './loggable-error';

const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;

/**
 * JSON logs on stdout, one line per request with its correlation id. No
 * personal data: requests are logged by method and path only (no query, no
 * headers, no bodies), errors lose the values a failed statement carried
 * (loggableError), and the redaction list guards whatever a handler adds.
 */
export function loggerParams(config: Pick<PlatformConfig, 'LOG_LEVEL'>, service: string, destination?: DestinationStream): Params {
  const options = {
    level: config.LOG_LEVEL,
    base: { service },
    timestamp: stdTimeFunctions.isoTime,
    genReqId: (request: IncomingMessage, response: ServerResponse) => correlationIdFor(request, response),
    // The client's own id, when the gateway forwarded one, beside ours: a support case finds both.
    customProps: (request: IncomingMessage) => {
      const clientCorrelationId = clientCorrelationIdOf(request);
      return { correlationId: correlationIdFor(request), ...(clientCorrelationId ? { clientCorrelationId } : {}) };
    },
    autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.test(request.url ?? '') },
    serializers: {
      req: (request: { method?: string; url?: string }) => ({ method: request.method, path: pathOnly(request.url) }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      err: loggableError,
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.body',
        'req.query',
        'res.headers["set-cookie"]',
        'res.body',
        'body',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  };
  // A test hands its own destination to read what the service logged; a service logs to stdout.
  return { pinoHttp: destination ? [options, destination] : options };
}

const pathOnly = (url?: string): string | undefined => url?.split('?')[0];
