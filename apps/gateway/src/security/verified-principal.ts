import type { IncomingMessage } from 'node:http';
import { bearerToken, type JwtVerifier, type Principal } from '@app/auth';

const verified = new WeakMap<IncomingMessage, Promise<Principal>>();

/**
 * The request's token verified once: the rate limit needs the verified `sub`
 * before the proxy checks the token, and both get this one answer (the
 * principal, or the 401 DomainError the proxy then throws).
 */
export function verifiedPrincipal(req: IncomingMessage, verifier: JwtVerifier): Promise<Principal> {
  let answer = verified.get(req);
  if (!answer) {
    answer = (async () => verifier.verify(bearerToken(req.headers.authorization)))();
    // The rate limit may be the only reader; an unawaited refusal must not surface as an unhandled rejection.
    answer.catch(() => undefined);
    verified.set(req, answer);
  }
  return answer;
}
