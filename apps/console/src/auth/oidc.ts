import { UserManager } from 'oidc-client-ts';
import type { ConsoleConfig } from './console-config';

export const OIDC_CALLBACK_PATH = '/signin-callback';

/**
 * The production sign-in: the authorization code flow with PKCE against the
 * provider the gateway is configured with (oidc-client-ts). Its access token
 * is the API's bearer token: it must carry the platform's claims.
 */
export function oidcManager(oidc: NonNullable<ConsoleConfig['auth']['oidc']>): UserManager {
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: `${window.location.origin}${OIDC_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
  });
}
