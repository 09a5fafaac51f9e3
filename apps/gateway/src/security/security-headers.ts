import helmet from 'helmet';

/**
 * helmet's defaults: nosniff, frame denial, a strict Content-Security-Policy
 * (the /docs page has inline styles only, which it allows; the console's
 * scripts are its own files), HSTS, no referrer leak. They are set before the
 * proxy runs, so proxied answers carry them too (a service's own header of
 * the same name wins). One default is off: `upgrade-insecure-requests`, which
 * would send a browser on the plain-HTTP local gateway (`npm start`) from
 * /docs to an https:// that does not exist; TLS is the Ingress's job, and
 * HSTS asks for it there. `connectSources` widens `connect-src` for the
 * console's OIDC provider, the one other origin its page may call.
 */
export const securityHeaders = (connectSources: string[] = ["'self'"]) =>
  helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, connectSrc: connectSources } } });
