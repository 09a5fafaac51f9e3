import type { ServerResponse } from 'node:http';
import type { ErrorBody } from '@app/contracts';
import { FHIR_JSON, isFhirPath, toOperationOutcome } from '@app/fhir';

/**
 * The API.md error body written straight to the socket: proxy failures happen
 * in http-proxy's callbacks, outside Nest's exception filters. Under /fhir/ it
 * is the same error as an OperationOutcome, as the exception filter writes it.
 */
export function writeErrorBody(res: ServerResponse, status: number, code: string, message: string, path = ''): void {
  if (res.headersSent) {
    // The upstream died mid-answer: a truncated body must not look complete.
    res.destroy();
    return;
  }
  const body: ErrorBody = { error: { code, message, details: [] } };
  const fhir = isFhirPath(path.split('?', 1)[0]);
  const text = JSON.stringify(fhir ? toOperationOutcome(status, body) : body);
  res.writeHead(status, {
    'content-type': `${fhir ? FHIR_JSON : 'application/json'}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
