import {
  type AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  type Admin,
  ResourcePatternTypes,
} from 'kafkajs';
import type { ServiceEntry } from '../../apps/gateway/src/registry';
import { type AclOperation, platformAcls, principalOf, type ServiceAcl } from './kafka-acls';

const OPERATIONS: Record<AclOperation, AclOperationTypes> = {
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Describe: AclOperationTypes.DESCRIBE,
};
const RESOURCES = { topic: AclResourceTypes.TOPIC, group: AclResourceTypes.GROUP } as const;
const PATTERNS = { literal: ResourcePatternTypes.LITERAL, prefixed: ResourcePatternTypes.PREFIXED } as const;

/** One kafkajs ALLOW entry per operation of a rule. */
export const aclEntries = (acl: ServiceAcl): AclEntry[] =>
  acl.operations.map((operation) => ({
    principal: acl.principal,
    host: '*',
    operation: OPERATIONS[operation],
    permissionType: AclPermissionTypes.ALLOW,
    resourceType: RESOURCES[acl.resource.type],
    resourceName: acl.resource.name,
    resourcePatternType: PATTERNS[acl.resource.patternType],
  }));

const keyOf = (e: AclEntry): string =>
  [e.principal, e.host, e.operation, e.permissionType, e.resourceType, e.resourceName, e.resourcePatternType].join('\u0000');

/** What to create and what to delete so that `existing` becomes `wanted` (entries of other principals are not looked at). */
export function aclChanges(wanted: AclEntry[], existing: AclEntry[]): { create: AclEntry[]; remove: AclEntry[] } {
  const wantedKeys = new Set(wanted.map(keyOf));
  const existingKeys = new Set(existing.map(keyOf));
  return {
    create: wanted.filter((entry) => !existingKeys.has(keyOf(entry))),
    remove: existing.filter((entry) => !wantedKeys.has(keyOf(entry))),
  };
}

async function currentEntries(admin: Admin, principals: ReadonlySet<string>): Promise<AclEntry[]> {
  const described = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  return described.resources.flatMap((resource) =>
    resource.acls
      .filter((acl) => principals.has(acl.principal))
      .map((acl) => ({ ...acl, resourceType: resource.resourceType, resourceName: resource.resourceName, resourcePatternType: resource.resourcePatternType })),
  );
}

/**
 * Makes the broker's ACLs of every service principal exactly what
 * services.json implies (kafka-acls.ts): missing ones created, ones no longer
 * implied (a topic dropped from a service's lists) deleted. One describe and
 * at most one create and one delete request, so a restart costs milliseconds.
 */
export async function applyServiceAcls(
  admin: Admin,
  services: ReadonlyArray<Pick<ServiceEntry, 'name' | 'topics'>>,
): Promise<{ created: number; removed: number }> {
  const wanted = platformAcls(services).flatMap(aclEntries);
  const principals = new Set(services.map((service) => principalOf(service.name)));
  const { create, remove } = aclChanges(wanted, await currentEntries(admin, principals));
  if (create.length > 0) await admin.createAcls({ acl: create });
  if (remove.length > 0) await admin.deleteAcls({ filters: remove });
  return { created: create.length, removed: remove.length };
}
