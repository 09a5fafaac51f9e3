import { parseServiceRegistry } from './service-registry';
import { buildRouteTable, resolveRoute } from './route-table';
import { serviceUrl, serviceUrlVariable } from './service-url';

const gateway = { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [] };
const devices = {
  name: 'device-certification',
  port: 3001,
  entry: 'apps/device-certification/src/main.ts',
  prefixes: ['/v1/devices'],
  schema: 'device_certification',
  migrations: 'apps/device-certification/src/migrations/index.ts#migrations',
};
const ledger = { name: 'audit-ledger', port: 3005, entry: 'x.ts', prefixes: ['/v1/ledger', '/v1/liability'] };

describe('services.json', () => {
  it('accepts the registry of the repository shape', () => {
    expect(parseServiceRegistry({ $comment: 'x', services: [gateway, devices] })).toHaveLength(2);
  });

  it('names the bad field of a bad entry', () => {
    expect(() => parseServiceRegistry({ services: [{ ...devices, port: 'x' }] })).toThrow(/services\.0\.port/);
    expect(() => parseServiceRegistry({ services: [{ ...devices, prefixes: ['/devices'] }] })).toThrow(
      /services\.0\.prefixes\.0 must look like \/v1\/devices/,
    );
  });

  it('refuses a misspelt key instead of ignoring it', () => {
    expect(() => parseServiceRegistry({ services: [{ ...devices, migration: devices.migrations }] })).toThrow(
      /services\.0 .*migration/,
    );
  });

  it('refuses a duplicated name, port or prefix', () => {
    expect(() => parseServiceRegistry({ services: [devices, { ...ledger, name: devices.name }] })).toThrow(
      /service name device-certification appears twice/,
    );
    expect(() => parseServiceRegistry({ services: [devices, { ...ledger, port: 3001 }] })).toThrow(/port 3001/);
    expect(() => parseServiceRegistry({ services: [devices, { ...ledger, prefixes: ['/v1/devices'] }] })).toThrow(
      /prefix \/v1\/devices appears twice/,
    );
  });

  it('refuses migrations without a schema to run them in', () => {
    expect(() => parseServiceRegistry({ services: [{ ...devices, schema: undefined }] })).toThrow(/no schema/);
  });
});

describe('service URLs', () => {
  it('defaults to the local port and obeys SERVICE_URL_<NAME>', () => {
    expect(serviceUrlVariable('device-certification')).toBe('SERVICE_URL_DEVICE_CERTIFICATION');
    expect(serviceUrl(devices, {})).toBe('http://127.0.0.1:3001');
    expect(serviceUrl(devices, { SERVICE_URL_DEVICE_CERTIFICATION: 'http://devices:3000/' })).toBe(
      'http://devices:3000',
    );
  });
});

describe('routing by prefix', () => {
  const routes = buildRouteTable([gateway, devices, ledger], {});

  it('routes a prefix and what lies below it', () => {
    expect(resolveRoute(routes, '/v1/devices')?.service).toBe('device-certification');
    expect(resolveRoute(routes, '/v1/devices/0190/history?page=2')?.target).toBe('http://127.0.0.1:3001');
    expect(resolveRoute(routes, '/v1/liability/prescriptions/1')?.service).toBe('audit-ledger');
  });

  it('does not route a longer word, an unknown prefix or dot segments', () => {
    expect(resolveRoute(routes, '/v1/devicesx')).toBeUndefined();
    expect(resolveRoute(routes, '/v1/claims')).toBeUndefined();
    expect(resolveRoute(routes, '/v1/devices/../claims')).toBeUndefined();
    expect(resolveRoute(routes, '/v1/devices/%2E%2e/claims')).toBeUndefined();
  });
});
