import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadServiceRegistry } from '../../apps/gateway/src/registry';
import { REPO_ROOT } from '../platform/repo-root';
import { KAFKA_CLUSTER, KAFKA_NAMESPACE, kafkaCluster, kafkaTopics, kafkaUsers } from './kafka-manifests';

describe('k8s Kafka manifests from services.json', () => {
  it('gives each service a KafkaUser whose ACLs name only its own topics to write, and the gateway none', () => {
    const users = kafkaUsers([
      { name: 'prescription', topics: { publishes: ['prescription.events.v1'], consumes: ['device-certification.events.v1'] } },
      { name: 'gateway', topics: { publishes: [], consumes: [] } },
    ]);
    expect(users.map((u) => u.metadata.name)).toEqual(['prescription']);
    expect(users[0].spec.authentication).toEqual({ type: 'scram-sha-512' });
    expect(users[0].spec.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 'prescription.events.v1', patternType: 'literal' }, operations: ['Write', 'Describe'], host: '*' },
      { resource: { type: 'topic', name: 'device-certification.events.v1', patternType: 'literal' }, operations: ['Read', 'Describe'], host: '*' },
      { resource: { type: 'topic', name: 'device-certification.events.v1.prescription.', patternType: 'prefixed' }, operations: ['Write', 'Describe'], host: '*' },
      { resource: { type: 'group', name: 'prescription.', patternType: 'prefixed' }, operations: ['Read'], host: '*' },
    ]);
  });

  it('declares every topic with its partitions, 3 replicas and min.insync.replicas 2, named as a DNS label', () => {
    const topics = kafkaTopics(loadServiceRegistry());
    expect(topics.map((t) => t.spec.topicName)).toContain('audit.entries.v1.audit-ledger.dlq');
    for (const topic of topics) {
      expect(topic.spec).toMatchObject({ partitions: 6, replicas: 3, config: { 'min.insync.replicas': 2 } });
      expect(topic.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
  });

  it('runs 3 KRaft nodes, SCRAM-SHA-512 and simple authorization, its listener open to the Kafka users only', () => {
    const services = loadServiceRegistry();
    const [pool, kafka] = kafkaCluster(services);
    expect(pool.spec).toMatchObject({ replicas: 3, roles: ['controller', 'broker'] });
    const { listeners, authorization, config } = (kafka.spec as { kafka: { listeners: Array<Record<string, unknown>>; authorization: unknown; config: Record<string, unknown> } }).kafka;
    expect(listeners).toHaveLength(1);
    expect(listeners[0].authentication).toEqual({ type: 'scram-sha-512' });
    expect(authorization).toEqual({ type: 'simple', superUsers: ['platform-admin'] });
    expect(config).toMatchObject({ 'min.insync.replicas': 2, 'auto.create.topics.enable': false, 'allow.everyone.if.no.acl.found': false });
    const [peer] = listeners[0].networkPolicyPeers as Array<{ podSelector: { matchExpressions: Array<{ values: string[] }> } }>;
    const users = kafkaUsers(services).map((u) => u.metadata.name).sort();
    expect(peer.podSelector.matchExpressions[0].values).toEqual(users);
    expect(users).not.toContain('gateway');
  });

  it("points the services' KAFKA_BROKERS at the bootstrap Service Strimzi makes for the cluster", () => {
    const [platform] = parseAllDocuments(readFileSync(join(REPO_ROOT, 'k8s/configmap.yaml'), 'utf8')).map((d) => d.toJS() as { data: Record<string, string> });
    expect(platform.data.KAFKA_BROKERS).toBe(`${KAFKA_CLUSTER}-kafka-bootstrap.${KAFKA_NAMESPACE}.svc:9092`);
  });
});
