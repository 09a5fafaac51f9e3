import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { aclChanges, aclEntries } from './broker-acls';
import { platformAcls, serviceAcls } from './kafka-acls';

describe('Kafka ACLs derived from services.json', () => {
  it('grants a consumer its consumed topics, its own dead letters and its own groups, and its published topics', () => {
    const acls = serviceAcls({
      name: 'prescription',
      topics: { publishes: ['prescription.events.v1', 'audit.entries.v1'], consumes: ['device-certification.events.v1'] },
    });
    expect(acls.map((acl) => `${acl.resource.type}:${acl.resource.patternType}:${acl.resource.name} ${acl.operations.join(',')}`)).toEqual([
      'topic:literal:prescription.events.v1 Write,Describe',
      'topic:literal:audit.entries.v1 Write,Describe',
      'topic:literal:device-certification.events.v1 Read,Describe',
      'topic:prefixed:device-certification.events.v1.prescription. Write,Describe',
      'group:prefixed:prescription. Read',
    ]);
    expect(new Set(acls.map((acl) => acl.principal))).toEqual(new Set(['User:prescription']));
  });

  it('grants a service that uses no Kafka nothing, and no group to a service that consumes nothing', () => {
    expect(serviceAcls({ name: 'gateway', topics: { publishes: [], consumes: [] } })).toEqual([]);
    const devices = serviceAcls({ name: 'device-certification', topics: { publishes: ['device-certification.events.v1'], consumes: [] } });
    expect(devices.some((acl) => acl.resource.type === 'group')).toBe(false);
  });

  it('never lets a service write a topic it does not publish nor another service’s dead letters (the repository’s services.json)', () => {
    const services = loadServiceRegistry();
    for (const service of services) {
      const writable = serviceAcls(service).filter((acl) => acl.operations.includes('Write'));
      for (const acl of writable) {
        const own = acl.resource.patternType === 'literal' ? service.topics.publishes.includes(acl.resource.name) : acl.resource.name.endsWith(`.${service.name}.`);
        expect({ service: service.name, acl: acl.resource.name, own }).toEqual({ service: service.name, acl: acl.resource.name, own: true });
      }
    }
    expect(platformAcls(services).length).toBeGreaterThan(0);
  });

  it('computes what to create and delete so the broker holds exactly the wanted entries', () => {
    const [read, describe] = serviceAcls({ name: 'a', topics: { publishes: [], consumes: ['t'] } }).flatMap(aclEntries);
    const stale = { ...read, resourceName: 'other' };
    expect(aclChanges([read, describe], [describe, stale])).toEqual({ create: [read], remove: [stale] });
    expect(aclChanges([read], [read])).toEqual({ create: [], remove: [] });
  });
});
