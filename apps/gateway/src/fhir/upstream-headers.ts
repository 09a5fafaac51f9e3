import { clientCorrelationIdOf, correlationIdFor } from '@app/service-kit';
import type { IncomingMessage } from 'node:http';
import type { UpstreamHeaders } from './fhir-upstreams';

/** The request's correlation ids, for every call the gateway makes on its behalf. */
export function correlationHeaders(request: IncomingMessage): UpstreamHeaders {
  const client = clientCorrelationIdOf(request);
  return { 'x-correlation-id': correlationIdFor(request), ...(client ? { 'x-client-correlation-id': client } : {}) };
}

/** The same, with the caller's own token: each service checks it again and decides what the caller sees. */
export function callerHeaders(request: IncomingMessage): UpstreamHeaders {
  return { ...correlationHeaders(request), authorization: request.headers.authorization ?? '' };
}
