import { FHIR_BASE_PATH, isFhirPath } from '@app/fhir';
import { isGatewayFhirPath } from '../fhir/gateway-fhir-paths';
import { PATIENT_EXPORT_PATH } from '../patient-export/patient-export-sources';
import { resolveRoute, type Route } from '../registry';

/** Where one request goes: to a service (and under which path), nowhere (404), or to the gateway itself. */
export type ProxyDecision =
  | { kind: 'gateway' }
  | { kind: 'not_found'; message: string }
  | { kind: 'proxy'; service: string; target: string; path: string; authenticate: boolean; label: string };

export interface ProxyTargets {
  routes: Route[];
  /** Service name -> base URL, for `/docs/<service>/json`. */
  services: ReadonlyMap<string, string>;
}

/** API.md paths the gateway answers itself, before any prefix routes them: the patient's export, which it composes. */
const GATEWAY_API_PATHS: ReadonlySet<string> = new Set([PATIENT_EXPORT_PATH]);

const DOCS_JSON = /^\/docs\/([a-z][a-z0-9-]*)\/json$/;

/**
 * `/v1/...` and `/fhir/R4/<type>...` go to the service owning the prefix,
 * with its token, but for the gateway's own API paths (the export, FHIR's
 * `metadata` and `$everything`, which it composes); the OpenAPI documents are
 * public like each service's own `/docs/json`.
 */
export function decideProxy(targets: ProxyTargets, url: string): ProxyDecision {
  const [pathname, query] = splitUrl(url);
  if (GATEWAY_API_PATHS.has(pathname.replace(/\/+$/, ''))) return { kind: 'gateway' };
  if (pathname === '/v1' || pathname.startsWith('/v1/')) {
    const route = resolveRoute(targets.routes, pathname);
    if (!route) return { kind: 'not_found', message: `No service serves ${pathname}` };
    return { kind: 'proxy', service: route.service, target: route.target, path: url, authenticate: true, label: `${route.prefix}/:path` };
  }
  if (isFhirPath(pathname) && !isGatewayFhirPath(pathname)) {
    // Each FHIR resource type is served by the service owning its read models (services.json prefixes).
    const route = resolveRoute(targets.routes, pathname);
    if (!route) return { kind: 'not_found', message: `No FHIR resource is served at ${pathname}; ${FHIR_BASE_PATH}/metadata lists them` };
    return { kind: 'proxy', service: route.service, target: route.target, path: url, authenticate: true, label: `${route.prefix}/:path` };
  }
  const docs = DOCS_JSON.exec(pathname);
  if (docs) {
    const target = targets.services.get(docs[1]);
    if (!target) return { kind: 'not_found', message: `No service named ${docs[1]}` };
    return { kind: 'proxy', service: docs[1], target, path: `/docs/json${query}`, authenticate: false, label: '/docs/:service/json' };
  }
  return { kind: 'gateway' };
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}
