import { buildRouteTable, NO_TOPICS } from '../registry';
import { decideProxy, type ProxyTargets } from './proxy-decision';

const services = [
  { name: 'gateway', port: 3000, entry: 'g.ts', prefixes: [], topics: NO_TOPICS },
  { name: 'device-certification', port: 3001, entry: 'd.ts', prefixes: ['/v1/devices', '/fhir/R4/DeviceDefinition'], topics: NO_TOPICS },
  { name: 'enrolment', port: 3003, entry: 'e.ts', prefixes: ['/fhir/R4/Device'], topics: NO_TOPICS },
  { name: 'patients', port: 3006, entry: 'p.ts', prefixes: ['/v1/patients'], topics: NO_TOPICS },
];
const targets: ProxyTargets = {
  routes: buildRouteTable(services, {}),
  services: new Map([['device-certification', 'http://127.0.0.1:3001']]),
};

describe('what the gateway does with a request', () => {
  it('proxies an API path unchanged, query included, and asks for a token', () => {
    expect(decideProxy(targets, '/v1/devices/0190?status=CERTIFIED')).toEqual({
      kind: 'proxy',
      service: 'device-certification',
      target: 'http://127.0.0.1:3001',
      path: '/v1/devices/0190?status=CERTIFIED',
      authenticate: true,
      label: '/v1/devices/:path',
    });
  });

  it('routes each FHIR resource type to the service serving it, Device apart from DeviceDefinition', () => {
    expect(decideProxy(targets, '/fhir/R4/DeviceDefinition?_count=5')).toMatchObject({
      kind: 'proxy',
      service: 'device-certification',
      path: '/fhir/R4/DeviceDefinition?_count=5',
      authenticate: true,
      label: '/fhir/R4/DeviceDefinition/:path',
    });
    expect(decideProxy(targets, '/fhir/R4/Device/0190')).toMatchObject({ kind: 'proxy', service: 'enrolment' });
    expect(decideProxy(targets, '/fhir/R4/DeviceRequest')).toMatchObject({ kind: 'not_found' });
    expect(decideProxy(targets, '/fhir/R4/Device/../DeviceDefinition')).toMatchObject({ kind: 'not_found' });
  });

  it('answers metadata and Patient/:pseudonym/$everything itself: it composes them', () => {
    expect(decideProxy(targets, '/fhir/R4/metadata')).toEqual({ kind: 'gateway' });
    expect(decideProxy(targets, '/fhir/R4/Patient/abc/$everything?x=1')).toEqual({ kind: 'gateway' });
    expect(decideProxy(targets, '/fhir/R4/Patient')).toEqual({ kind: 'gateway' });
  });

  it('answers 404 for an API path no service serves', () => {
    expect(decideProxy(targets, '/v1/nothing/here')).toEqual({ kind: 'not_found', message: 'No service serves /v1/nothing/here' });
    expect(decideProxy(targets, '/v1')).toMatchObject({ kind: 'not_found' });
  });

  it("maps /docs/<service>/json to that service's public OpenAPI document", () => {
    expect(decideProxy(targets, '/docs/device-certification/json')).toMatchObject({
      kind: 'proxy',
      path: '/docs/json',
      authenticate: false,
    });
    expect(decideProxy(targets, '/docs/billing/json')).toEqual({ kind: 'not_found', message: 'No service named billing' });
  });

  it("keeps the patient's export, which it composes, and proxies the rest of /v1/patients", () => {
    for (const path of ['/v1/patients/me/export', '/v1/patients/me/export?format=json', '/v1/patients/me/export/']) {
      expect(decideProxy(targets, path)).toEqual({ kind: 'gateway' });
    }
    expect(decideProxy(targets, `/v1/patients/${'a'.repeat(64)}/erasure`)).toMatchObject({ kind: 'proxy', service: 'patients' });
    expect(decideProxy(targets, '/v1/patients/me/exports')).toMatchObject({ kind: 'proxy', service: 'patients' });
  });

  it("leaves the gateway's own paths to the gateway", () => {
    for (const path of ['/health/ready', '/metrics', '/docs', '/docs/services.json', '/v1x']) {
      expect(decideProxy(targets, path)).toEqual({ kind: 'gateway' });
    }
  });
});
