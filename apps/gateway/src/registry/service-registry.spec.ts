import { loadServiceRegistry } from './load-service-registry';
import { parseServiceRegistry } from './service-registry';
import { buildRouteTable, resolveRoute } from './route-table';
import { deadLetterTopicsOf, platformTopics } from './service-topics';
import { serviceUrl, serviceUrlVariable } from './service-url';

const noTopics = { publishes: [], consumes: [] };
const gateway = { name: 'gateway', port: 3000, entry: 'apps/gateway/src/main.ts', prefixes: [], topics: noTopics };
const devices = {
  name: 'device-certification',
  port: 3001,
  entry: 'apps/device-certification/src/main.ts',
  prefixes: ['/v1/devices'],
  schema: 'device_certification',
  migrations: 'apps/device-certification/src/migrations/index.ts#migrations',
  topics: { publishes: ['device-certification.events.v1', 'audit.entries.v1'], consumes: [] },
};
const ledger = {
  name: 'audit-ledger',
  port: 3005,
  entry: 'x.ts',
  prefixes: ['/v1/ledger', '/v1/liability'],
  topics: { publishes: ['audit.alerts.v1'], consumes: ['audit.entries.v1'] },
};

describe('services.json', () => {
  it('accepts the registry of the repository shape', () => {
    expect(parseServiceRegistry({ $comment: 'x', services: [gateway, devices] })).toHaveLength(2);
  });

  it('names the bad field of a bad entry', () => {
    expect(() => parseServiceRegistry({ services: [{ ...devices, port: 'x' }] })).toThrow(/services\.0\.port/);
    expect(() => parseServiceRegistry({ services: [{ ...devices, prefixes: ['/devices'] }] })).toThrow(
      /services\.0\.prefixes\.0 \(device-certification\) must look like \/v1\/devices/,
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

  it('takes an internal patientExport path and a patientKeys part, and refuses others', () => {
    const [entry] = parseServiceRegistry({ services: [{ ...ledger, schema: 'audit_ledger', patientExport: '/internal/patient-export', patientKeys: 'holder' }] });
    expect(entry).toMatchObject({ patientExport: '/internal/patient-export', patientKeys: 'holder' });
    // Under /v1 the gateway would route it to anyone: a part of an export is asked by the gateway alone.
    expect(() => parseServiceRegistry({ services: [{ ...ledger, patientExport: '/v1/ledger/mine' }] })).toThrow(
      /services\.0\.patientExport \(audit-ledger\) must be an internal path/,
    );
    expect(() => parseServiceRegistry({ services: [{ ...ledger, schema: 'audit_ledger', patientKeys: 'reader' }] })).toThrow(/services\.0\.patientKeys/);
  });

  it('accepts where a service discloses its texts and the data keys it declares, and refuses anything else there', () => {
    const declaring = { ...devices, disclosures: '/internal/audit-disclosures', dataKeys: ['TEXT_ENCRYPTION_KEY'] };
    expect(parseServiceRegistry({ services: [declaring] })[0]).toMatchObject({ disclosures: '/internal/audit-disclosures', dataKeys: ['TEXT_ENCRYPTION_KEY'] });
    expect(() => parseServiceRegistry({ services: [{ ...devices, disclosures: '/v1/devices/disclosures' }] })).toThrow(
      /services\.0\.disclosures \(device-certification\) must look like \/internal\/audit-disclosures/,
    );
    expect(() => parseServiceRegistry({ services: [{ ...devices, dataKeys: ['JWT_SECRET'] }] })).toThrow(/services\.0\.dataKeys\.0/);
  });

  it('takes /fhir/R4/<Type> prefixes with the fhir capabilities path, and neither without the other', () => {
    const fhir = { ...devices, prefixes: ['/v1/devices', '/fhir/R4/DeviceDefinition'], fhir: '/internal/fhir/capabilities' };
    expect(parseServiceRegistry({ services: [gateway, fhir] })[1].fhir).toBe('/internal/fhir/capabilities');
    expect(() => parseServiceRegistry({ services: [gateway, { ...fhir, fhir: undefined }] })).toThrow(/device-certification must declare fhir exactly when a prefix is \/fhir\/R4/);
    expect(() => parseServiceRegistry({ services: [gateway, { ...devices, fhir: '/internal/fhir/capabilities' }] })).toThrow(/must declare fhir exactly/);
    expect(() => parseServiceRegistry({ services: [gateway, { ...fhir, prefixes: ['/fhir/R4/deviceDefinition'] }] })).toThrow(/must look like \/v1\/devices or \/fhir\/R4\/DeviceDefinition/);
    expect(() => parseServiceRegistry({ services: [gateway, { ...fhir, fhir: '/fhir/capabilities' }] })).toThrow(/must look like \/internal\/fhir\/capabilities/);
  });

  it('refuses migrations without a schema to run them in', () => {
    expect(() => parseServiceRegistry({ services: [{ ...devices, schema: undefined }] })).toThrow(/no schema/);
  });

  it('accepts patientKeys holder or eraser on a service with a schema, and nothing else', () => {
    expect(parseServiceRegistry({ services: [{ ...devices, patientKeys: 'holder' }] })[0].patientKeys).toBe('holder');
    expect(() => parseServiceRegistry({ services: [{ ...devices, patientKeys: 'reader' }] })).toThrow(
      /services\.0\.patientKeys \(device-certification\) must be one of holder, eraser/,
    );
    expect(() => parseServiceRegistry({ services: [{ ...ledger, patientKeys: 'eraser' }] })).toThrow(/audit-ledger has patientKeys but no schema/);
  });

  it('keeps the patient_keys schema out of every service', () => {
    expect(() => parseServiceRegistry({ services: [{ ...devices, schema: 'patient_keys' }] })).toThrow(
      /device-certification cannot use schema patient_keys/,
    );
  });
});

describe('topics of services.json', () => {
  const withTopics = (topics: unknown) => ({ services: [{ ...ledger, topics }] });

  it('requires every service to declare them, naming the service', () => {
    const { topics: _, ...undeclared } = ledger;
    expect(() => parseServiceRegistry({ services: [undeclared] })).toThrow(
      /services\.0\.topics \(audit-ledger\) is required: \{ "publishes": \[\.\.\.\], "consumes": \[\.\.\.\] \}/,
    );
  });

  it('refuses a topic that libs/contracts does not define, listing those it does', () => {
    expect(() => parseServiceRegistry(withTopics({ publishes: ['audit.alerts.v2'], consumes: [] }))).toThrow(
      /services\.0\.topics\.publishes\.0 \(audit-ledger\) audit\.alerts\.v2 is not a topic of libs\/contracts\/src\/topics\.ts \(.*audit\.alerts\.v1/,
    );
  });

  it('refuses a declared dead-letter topic: those follow from consumes', () => {
    expect(() => parseServiceRegistry(withTopics({ publishes: ['audit.entries.v1.dlq'], consumes: [] }))).toThrow(
      /audit\.entries\.v1\.dlq is a dead-letter topic: those \(<topic>\.<consumer-service>\.dlq\) follow from "consumes"/,
    );
  });

  it('refuses a misspelt list, a missing list and a topic listed twice', () => {
    expect(() => parseServiceRegistry(withTopics({ publish: [], consumes: [] }))).toThrow(/services\.0\.topics \(audit-ledger\) .*publish/);
    expect(() => parseServiceRegistry(withTopics({ publishes: [] }))).toThrow(/services\.0\.topics\.consumes/);
    expect(() => parseServiceRegistry(withTopics({ publishes: [], consumes: ['audit.entries.v1', 'audit.entries.v1'] }))).toThrow(
      /audit-ledger lists audit\.entries\.v1 twice in topics\.consumes/,
    );
  });

  it('derives one dead-letter topic per consumed topic, owned by the consumer, and the platform set from every service', () => {
    expect(deadLetterTopicsOf(ledger)).toEqual(['audit.entries.v1.audit-ledger.dlq']);
    expect(platformTopics([gateway, devices, ledger])).toEqual([
      'audit.alerts.v1',
      'audit.entries.v1',
      'audit.entries.v1.audit-ledger.dlq',
      'device-certification.events.v1',
    ]);
  });

  it("accepts the repository's own services.json, where each event-sourced service publishes its audit entries", () => {
    const services = loadServiceRegistry();
    for (const service of services.filter((s) => s.schema && s.name !== 'audit-ledger')) {
      expect({ [service.name]: service.topics.publishes }).toEqual({ [service.name]: expect.arrayContaining(['audit.entries.v1']) });
    }
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
