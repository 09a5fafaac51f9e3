import type { FhirResourceCapability } from '@app/fhir';
import { FHIR_JSON } from '@app/fhir';
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';

/** What one service answered at its capabilities path. */
export interface CapabilityPart {
  service: string;
  routedTypes: readonly string[];
  resources: readonly FhirResourceCapability[];
}

/** The gateway's own entry: Patient exists only as the `$everything` operation it composes. */
export const PATIENT_EVERYTHING: FhirResourceCapability = {
  type: 'Patient',
  interactions: [],
  searchParams: [],
  operations: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }],
  documentation: 'Patient/:pseudonym/$everything: every resource of the patient the caller may see, as a searchset Bundle; the patient is known by pseudonym only',
};

export interface StatementContext {
  base: string;
  date: string;
  softwareVersion: string;
}

/**
 * The CapabilityStatement of `/fhir/R4/metadata`, from what each service
 * declares (the declarations its parser reads): a type is listed only when
 * services.json routes it to the service declaring it, so nothing listed is
 * unreachable and nothing reachable is unlisted. Returns the mismatches too,
 * for the gateway to log: a declaration without a route, or the reverse, is a
 * deployment error.
 */
export function capabilityStatement(parts: readonly CapabilityPart[], context: StatementContext): { statement: CapabilityStatement; mismatches: string[] } {
  const mismatches: string[] = [];
  const served: FhirResourceCapability[] = [];
  for (const part of parts) {
    const declared = new Set(part.resources.map((resource) => resource.type));
    for (const type of part.routedTypes) if (!declared.has(type)) mismatches.push(`${part.service} is routed ${type} but does not declare it`);
    for (const resource of part.resources) {
      if (part.routedTypes.includes(resource.type)) served.push(resource);
      else mismatches.push(`${part.service} declares ${resource.type} but services.json does not route it there`);
    }
  }
  const resources = [...served, PATIENT_EVERYTHING].sort((a, b) => a.type.localeCompare(b.type)).map(restResource);
  const statement: CapabilityStatement = {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: context.date,
    publisher: 'connected-health-platform',
    kind: 'instance',
    software: { name: 'connected-health-platform', version: context.softwareVersion },
    implementation: { description: 'Read-only FHIR R4 views of the platform', url: context.base },
    fhirVersion: '4.0.1',
    format: [FHIR_JSON],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          description: 'Authorization: Bearer <JWT>, the token of the JSON API; the same roles and visibility',
        },
        resource: resources,
      },
    ],
  };
  return { statement, mismatches };
}

function restResource(resource: FhirResourceCapability): CapabilityStatementRestResource {
  return {
    type: resource.type as CapabilityStatementRestResource['type'],
    ...(resource.supportedProfiles?.length ? { supportedProfile: [...resource.supportedProfiles] } : {}),
    ...(resource.documentation ? { documentation: resource.documentation } : {}),
    ...(resource.interactions.length ? { interaction: resource.interactions.map((code) => ({ code })) } : {}),
    ...(resource.searchParams.length
      ? { searchParam: resource.searchParams.map(({ name, type, documentation }) => ({ name, type, documentation })) }
      : {}),
    ...(resource.operations?.length ? { operation: resource.operations.map((operation) => ({ ...operation })) } : {}),
  };
}
