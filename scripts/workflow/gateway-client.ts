import { randomUUID } from 'node:crypto';
import { eventually } from '@app/testing/eventually';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** undici's codes for a connection that closed or reset under a request: the server may not have read it. */
const DROPPED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);
const SEND_ATTEMPTS = 2;

/**
 * The JSON of an answer, untyped unless the caller names its shape (the
 * steps do, with api-views.ts): the e2e, fault and demo code read any field of
 * any resource of API.md, as supertest's `body` let them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJson = any;

/** What one call answered. */
export interface GatewayResponse<T = AnyJson> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  /** A bearer token (without "Bearer "), or a full Authorization value. */
  token?: string;
  body?: unknown;
  /** The status(es) expected; another one throws. Default: any 2xx. */
  expect?: number | readonly number[];
  headers?: Record<string, string>;
  /** Default 15 s: every call of a test is bounded. */
  timeoutMs?: number;
}

/** A status the caller did not expect: names the call and the error body, never the token. */
export class UnexpectedStatusError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${JSON.stringify(body)?.slice(0, 2_000)}`);
    this.name = 'UnexpectedStatusError';
  }
}

/**
 * The public API as a client meets it: JSON over HTTP through the gateway,
 * with Node's fetch (no test framework, so the demo and the benches use it too).
 */
export class GatewayClient {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async call<T = AnyJson>(method: string, path: string, options: CallOptions = {}): Promise<GatewayResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token) headers.authorization = options.token.startsWith('Bearer ') ? options.token : `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    // Every write carries a key (API.md "Idempotency-Key"), so that sending it again is safe.
    if (WRITES.has(method) && !Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')) headers['idempotency-key'] = randomUUID();
    const response = await this.send(method, path, headers, options);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON (a proxy's error page): kept as text
    }
    const expected = options.expect === undefined ? undefined : ([] as number[]).concat(options.expect);
    const ok = expected ? expected.includes(response.status) : response.status >= 200 && response.status < 300;
    if (!ok) throw new UnexpectedStatusError(method, path, response.status, body);
    return { status: response.status, body: body as T, headers: response.headers };
  }

  /**
   * fetch, sent once more when the connection dropped before any answer: a
   * kept-alive socket the server closed as the request went out, which the
   * server may never have read. Safe because a read changes nothing and a
   * write carries its Idempotency-Key: if the first one did arrive, the second
   * gets its answer. A refused connection (nothing listening) is not retried.
   */
  private async send(method: string, path: string, headers: Record<string, string>, options: CallOptions): Promise<Response> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await fetch(`${this.baseUrl}${path}`, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
        if (attempt < SEND_ATTEMPTS && cause?.code !== undefined && DROPPED.has(cause.code)) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        // fetch says only "fetch failed": name the call and the socket's reason.
        throw new Error(`${method} ${path} got no answer from ${this.baseUrl}: ${cause?.message ?? (error as Error).message}`, { cause: error });
      }
    }
  }

  get<T = AnyJson>(path: string, options?: Omit<CallOptions, 'body'>) {
    return this.call<T>('GET', path, options);
  }

  post<T = AnyJson>(path: string, body: unknown, options?: Omit<CallOptions, 'body'>) {
    return this.call<T>('POST', path, { ...options, body });
  }
}

/**
 * Asks `probe` until it answers something, at most `timeoutMs`: effects in
 * other services appear "within 5 seconds" (API.md), and a client polls.
 * The tests' `eventually`, polled a little more briskly.
 */
export const pollUntil = <T>(what: string, probe: () => Promise<T | undefined | false>, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> =>
  eventually(what, probe, { intervalMs: 100, ...options });
