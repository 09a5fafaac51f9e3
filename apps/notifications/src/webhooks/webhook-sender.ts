import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressAllowed, refusedLiteralAddress, type WebhookUrlPolicy } from '../domain/webhook-url';
import { SIGNATURE_HEADER, webhookSignature } from '../domain/webhook-signature';

/** The header naming the notification a delivery carries: the same at every attempt, for the receiver to deduplicate. */
export const EVENT_ID_HEADER = 'X-Event-Id';

export interface WebhookPost {
  url: string;
  /** The notification's id. */
  eventId: string;
  /** The exact JSON text POSTed, and signed. */
  body: string;
  secret: string;
}

/** One attempt: delivered on a 2xx; anything else (a redirect too: it is never followed) is a failure to retry. */
export type WebhookAttempt =
  | { outcome: 'DELIVERED'; statusCode: number; durationMs: number }
  | { outcome: 'FAILED'; statusCode: number | null; error: string; durationMs: number };

export interface WebhookSenderOptions extends WebhookUrlPolicy {
  /** The whole attempt, from connecting to the end of the answer: a receiver that answers slowly or never takes no more. */
  timeoutMs: number;
}

/** What is read of a receiver's answer: its status matters, not its body. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one delivery. The name is resolved here and every address it gives is
 * checked (`addressAllowed`) before connecting, so a receiver's DNS cannot
 * turn a public URL into a request inside the platform's network; the
 * attempt is bounded by `timeoutMs` whatever the receiver does.
 */
export class WebhookSender {
  constructor(private readonly options: WebhookSenderOptions) {}

  async post(delivery: WebhookPost): Promise<WebhookAttempt> {
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    try {
      const statusCode = await this.send(delivery);
      if (statusCode >= 200 && statusCode < 300) return { outcome: 'DELIVERED', statusCode, durationMs: elapsed() };
      return { outcome: 'FAILED', statusCode, error: `the receiver answered ${statusCode}`, durationMs: elapsed() };
    } catch (error) {
      return { outcome: 'FAILED', statusCode: null, error: (error as Error).message, durationMs: elapsed() };
    }
  }

  private send({ url, eventId, body, secret }: WebhookPost): Promise<number> {
    const target = new URL(url);
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    // A literal address is connected to without a lookup: checked here.
    const literal = refusedLiteralAddress(target, this.options);
    if (literal) return Promise.reject(new Error(`${literal} is an address a webhook may not reach`));
    return new Promise<number>((resolve, reject) => {
      const req = request(
        target,
        {
          method: 'POST',
          lookup: this.checkedLookup,
          signal: AbortSignal.timeout(this.options.timeoutMs),
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'User-Agent': 'connected-health-notifications/1',
            [SIGNATURE_HEADER]: webhookSignature(secret, body),
            [EVENT_ID_HEADER]: eventId,
          },
        },
        (answer: IncomingMessage) => {
          let read = 0;
          answer.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) answer.destroy();
          });
          answer.on('end', () => resolve(answer.statusCode ?? 0));
          answer.on('close', () => resolve(answer.statusCode ?? 0));
          answer.on('error', reject);
        },
      );
      req.on('error', (error: Error) => {
        const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
        reject(timedOut ? new Error(`no answer within ${this.options.timeoutMs} ms`) : error);
      });
      req.end(body);
    });
  }

  /** dns.lookup, refusing an answer with any address the policy does not allow. */
  private readonly checkedLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find(({ address }) => !addressAllowed(address, this.options));
      if (refused) return callback(new Error(`${hostname} resolves to ${refused.address}, which a webhook may not reach`), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
