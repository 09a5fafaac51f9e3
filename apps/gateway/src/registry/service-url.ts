import type { ServiceEntry } from './service-registry';

/** `device-certification` -> `SERVICE_URL_DEVICE_CERTIFICATION`. */
export const serviceUrlVariable = (name: string): string =>
  `SERVICE_URL_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/**
 * Where a service answers: its local port unless compose or k8s names another
 * host through `SERVICE_URL_<NAME>`.
 */
export function serviceUrl(service: Pick<ServiceEntry, 'name' | 'port'>, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[serviceUrlVariable(service.name)];
  const url = override && override.trim() !== '' ? override.trim() : `http://127.0.0.1:${service.port}`;
  return url.replace(/\/+$/, '');
}
