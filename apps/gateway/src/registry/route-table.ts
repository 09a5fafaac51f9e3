import type { ServiceEntry } from './service-registry';
import { serviceUrl } from './service-url';

export interface Route {
  prefix: string;
  service: string;
  target: string;
}

/** Longest prefixes first, so `/v1/ledger/x` could be split off `/v1/ledger` later. */
export function buildRouteTable(services: ServiceEntry[], env: NodeJS.ProcessEnv = process.env): Route[] {
  return services
    .flatMap((service) =>
      service.prefixes.map((prefix) => ({ prefix, service: service.name, target: serviceUrl(service, env) })),
    )
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

/**
 * A prefix matches itself and what lies below it, never a longer word
 * (`/v1/devicesx`). Dot segments are refused: `/v1/devices/../claims` must not
 * reach the claims routes of the devices service.
 */
export function resolveRoute(routes: Route[], path: string): Route | undefined {
  const pathname = path.split('?', 1)[0];
  if (hasDotSegment(pathname)) return undefined;
  return routes.find(
    (route) => pathname === route.prefix || pathname.startsWith(`${route.prefix}/`),
  );
}

function hasDotSegment(pathname: string): boolean {
  return pathname.split('/').some((segment) => {
    const decoded = segment.replace(/%2e/gi, '.');
    return decoded === '.' || decoded === '..';
  });
}
