import type { ServerResponse } from 'node:http';
import type { ErrorBody } from '@app/contracts';

/**
 * The API.md error body written straight to the socket: proxy failures happen
 * in http-proxy's callbacks, outside Nest's exception filters.
 */
export function writeErrorBody(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    // The upstream died mid-answer: a truncated body must not look complete.
    res.destroy();
    return;
  }
  const body: ErrorBody = { error: { code, message, details: [] } };
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
