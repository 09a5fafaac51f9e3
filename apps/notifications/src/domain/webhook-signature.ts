import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a delivery carries its signature in (API.md "Notifications"). */
export const SIGNATURE_HEADER = 'X-Signature';

/** The lowercase hex HMAC-SHA256 of the exact bytes POSTed, under the webhook's secret. */
export const webhookSignature = (secret: string, body: string | Buffer): string => createHmac('sha256', secret).update(body).digest('hex');

/** What a receiver checks: the signature of the bytes it received, compared in constant time. */
export function signatureMatches(secret: string, body: string | Buffer, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, body), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
