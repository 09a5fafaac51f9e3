/** The roles of API.md "Authentication" that have a console. */
export const CONSOLE_ROLES = ['vendor', 'evaluator', 'physician', 'operator', 'claims_processor', 'auditor'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** What the console reads of a token: who, which role, which org. The gateway and the services verify it; the console only shows. */
export interface Claims {
  sub: string;
  role: string;
  exp?: number;
  org?: string;
  rpps?: string;
  specialty?: string;
  pseudonym?: string;
}

/** The claims of a JWT (its payload, base64url JSON), or undefined for what is not one. Not a verification. */
export function claimsOf(token: string): Claims | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as Partial<Claims>;
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return undefined;
    return claims as Claims;
  } catch {
    return undefined;
  }
}

export const isConsoleRole = (role: string): role is ConsoleRole => (CONSOLE_ROLES as readonly string[]).includes(role);

/** Expired by its own `exp` (seconds), with the clock of the browser. */
export const isExpired = (claims: Claims, nowMs: number): boolean => claims.exp !== undefined && claims.exp * 1000 <= nowMs;
