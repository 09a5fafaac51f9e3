import { signDevToken } from '@app/auth';
import type { Role } from '@app/contracts';
import { loadPlatformConfig } from '@app/service-kit';

/** The roles with a console screen (apps/console), in the order `npm start` lists their tokens. */
const CONSOLE_ROLES: readonly Role[] = ['vendor', 'evaluator', 'physician', 'operator', 'claims_processor', 'auditor'];

export interface ConsoleToken {
  role: Role;
  token: string;
}

/**
 * One development token per console role, as `npm run token -- --role <role>`
 * mints it (its default org, RPPS and specialty), to paste on the console's
 * sign-in page. None when the platform verifies RS256 tokens: an HS256 one
 * would be refused.
 */
export function consoleTokens(env: NodeJS.ProcessEnv): ConsoleToken[] {
  const config = loadPlatformConfig(env, { defaultPort: 3000 });
  if (config.JWT_PUBLIC_KEY || config.JWT_JWKS_URL) return [];
  return CONSOLE_ROLES.map((role) => ({ role, token: signDevToken({ role, secret: config.JWT_SECRET, pseudonymSecret: config.PSEUDONYM_SECRET }) }));
}
