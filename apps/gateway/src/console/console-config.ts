import type { GatewayConfig } from '../gateway.config';

/**
 * What the web console needs to know before anyone signs in, served at
 * `/console/config.json`: how one may sign in here. Development tokens (the
 * HS256 ones `npm run token` and `npm start` print) only outside production;
 * an OpenID Connect provider only when the gateway is configured with one,
 * so the console never hard-wires a login.
 */
export interface ConsoleConfig {
  auth: {
    developmentTokens: boolean;
    oidc?: { authority: string; clientId: string; scope: string };
  };
}

type ConsoleSettings = Pick<GatewayConfig, 'NODE_ENV' | 'CONSOLE_OIDC_AUTHORITY' | 'CONSOLE_OIDC_CLIENT_ID' | 'CONSOLE_OIDC_SCOPE'>;

export function consoleConfig(config: ConsoleSettings): ConsoleConfig {
  const { CONSOLE_OIDC_AUTHORITY: authority, CONSOLE_OIDC_CLIENT_ID: clientId } = config;
  return {
    auth: {
      developmentTokens: config.NODE_ENV !== 'production',
      ...(authority && clientId ? { oidc: { authority, clientId, scope: config.CONSOLE_OIDC_SCOPE } } : {}),
    },
  };
}

/** The page's Content-Security-Policy `connect-src`: the API is same-origin; an OIDC provider is fetched from the browser too (discovery, token). */
export function consoleConnectSources(config: ConsoleConfig): string[] {
  const oidc = config.auth.oidc;
  return oidc ? ["'self'", new URL(oidc.authority).origin] : ["'self'"];
}
