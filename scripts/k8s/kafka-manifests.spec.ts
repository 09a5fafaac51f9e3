import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from '../platform/repo-root';
import { kafkaTopicsYaml, kafkaUsersYaml } from './kafka-manifests';

describe('k8s Kafka manifests', () => {
  const services = loadServiceRegistry();

  it.each([
    ['k8s/kafka-users.yaml', kafkaUsersYaml],
    ['k8s/kafka-topics.yaml', kafkaTopicsYaml],
  ])('%s is what services.json implies (regenerate with npm run k8s:kafka)', (file, generate) => {
    expect(readFileSync(join(REPO_ROOT, file), 'utf8')).toBe(generate(services));
  });

  it('gives each service a KafkaUser whose ACLs name only its own topics to write', () => {
    const yaml = kafkaUsersYaml([
      { name: 'prescription', topics: { publishes: ['prescription.events.v1'], consumes: ['device-certification.events.v1'] } },
      { name: 'gateway', topics: { publishes: [], consumes: [] } },
    ]);
    expect(yaml).toContain('  name: prescription\n');
    expect(yaml).toContain('          name: device-certification.events.v1.prescription.\n          patternType: prefixed\n        operations: [Write, Describe]');
    expect(yaml).toContain('          name: prescription.\n          patternType: prefixed\n        operations: [Read]');
    expect(yaml).toContain('          name: device-certification.events.v1\n          patternType: literal\n        operations: [Read, Describe]');
    // The gateway uses no Kafka: no principal at all.
    expect(yaml).not.toContain('  name: gateway\n');
  });
});
