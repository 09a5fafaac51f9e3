import { createHash } from 'node:crypto';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * Whose budget a request spends: the verified token's `sub`, else the
 * caller's address (an IPv6 caller by its /56, as it may hold many
 * addresses). Both hashed, so Redis holds no identifier in clear. A forged or
 * expired token is no token here: it spends its sender's address budget,
 * never the budget of the user it names.
 */
export function rateLimitKey(verifiedSub: string | undefined, ip: string | undefined): string {
  if (verifiedSub !== undefined) return `sub:${digest(verifiedSub)}`;
  return `ip:${digest(ipKeyGenerator(ip ?? 'unknown'))}`;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);
