import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { kafkaClusterYaml, kafkaTopicsYaml, kafkaUsersYaml } from './kafka-manifests';
import { networkPoliciesYaml } from './network-policies';
import { serviceYaml } from './service-manifests';

/** Every file of k8s/ generated from services.json, with its text: written by `npm run k8s:generate`, compared by its spec. */
export function generatedFiles(services: readonly ServiceEntry[]): Array<{ file: string; text: string }> {
  return [
    ...services.map((service) => ({ file: `k8s/${service.name}.yaml`, text: serviceYaml(service, services) })),
    { file: 'k8s/network-policies.yaml', text: networkPoliciesYaml(services) },
    { file: 'k8s/kafka.yaml', text: kafkaClusterYaml(services) },
    { file: 'k8s/kafka-users.yaml', text: kafkaUsersYaml(services) },
    { file: 'k8s/kafka-topics.yaml', text: kafkaTopicsYaml(services) },
  ];
}
