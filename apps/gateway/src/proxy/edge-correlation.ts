import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_CORRELATION_ID_HEADER, CORRELATION_ID_HEADER, safeCorrelationText } from '@app/service-kit';

/**
 * The gateway is where client text stops being trusted: a client's
 * `X-Correlation-Id` would otherwise become the correlation id of commands
 * and of immutable audit entries. So it is taken off the request before any
 * logger or middleware reads it (the kit then makes the gateway's own UUID
 * v7, which the proxy forwards), and a well-formed value travels on as
 * `X-Client-Correlation-Id`: logged beside ours and echoed in the response.
 * A malformed one is dropped, as is any `X-Client-Correlation-Id` the client
 * set itself.
 */
export function edgeCorrelation(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const clientId = safeCorrelationText(req.headers[CORRELATION_ID_HEADER]);
  delete req.headers[CORRELATION_ID_HEADER];
  delete req.headers[CLIENT_CORRELATION_ID_HEADER];
  if (clientId) {
    req.headers[CLIENT_CORRELATION_ID_HEADER] = clientId;
    res.setHeader(CLIENT_CORRELATION_ID_HEADER, clientId);
  }
  next();
}
