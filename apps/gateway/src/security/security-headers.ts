import helmet from 'helmet';

/**
 * helmet's defaults: nosniff, frame denial, a strict Content-Security-Policy
 * (the /docs page has inline styles only, which it allows), HSTS, no referrer
 * leak. They are set before the proxy runs, so proxied answers carry them
 * too (a service's own header of the same name wins). One default is off:
 * `upgrade-insecure-requests`, which would send a browser on the plain-HTTP
 * local gateway (`npm start`) from /docs to an https:// that does not exist;
 * TLS is the Ingress's job, and HSTS asks for it there.
 */
export const securityHeaders = () => helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
