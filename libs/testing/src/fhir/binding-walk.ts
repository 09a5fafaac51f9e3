import type { Coding, ElementDefinition, Resource } from '@medplum/fhirtypes';
import { elementsOf } from './fhir-definitions';
import { UNENUMERATED_BINDINGS, valueSetCodes } from './required-bindings';

type Elements = Map<string, ElementDefinition>;
type Json = Record<string, unknown>;

/**
 * Every coded value of a resource (and the resources it holds: Bundle
 * entries, contained ones) checked against its element's REQUIRED value-set
 * binding, which medplum's validator leaves unchecked. Returns one line per
 * code outside its value set, with where it is.
 */
export function requiredBindingIssues(resource: Resource): string[] {
  const issues: string[] = [];
  walkResource(resource as unknown as Json, resource.resourceType, issues);
  return issues;
}

function walkResource(resource: Json, location: string, issues: string[]): void {
  const type = String(resource.resourceType);
  const elements = elementsOf(type);
  if (!elements) {
    issues.push(`${location}: unknown resource type ${type}`);
    return;
  }
  walkObject(resource, type, elements, location, issues);
}

function walkObject(object: Json, elementPath: string, elements: Elements, location: string, issues: string[]): void {
  for (const [key, value] of Object.entries(object)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    const found = findElement(elements, elementPath, key);
    if (!found) continue; // an unknown property: the validator reports it
    const values = Array.isArray(value) ? value : [value];
    values.forEach((each, index) => {
      const where = `${location}.${key}${Array.isArray(value) ? `[${index}]` : ''}`;
      checkBinding(found.element, found.type, each, where, issues);
      descend(found, each, elements, where, issues);
    });
  }
}

function descend(found: { element: ElementDefinition; type?: string }, value: unknown, elements: Elements, where: string, issues: string[]): void {
  if (typeof value !== 'object' || value === null) return;
  const json = value as Json;
  if (typeof json.resourceType === 'string') return walkResource(json, where, issues);
  const reference = found.element.contentReference;
  if (reference) return walkObject(json, reference.replace(/^.*#/, ''), elements, where, issues);
  if (found.type === 'BackboneElement' || found.type === 'Element') {
    return walkObject(json, found.element.path ?? '', elements, where, issues);
  }
  const datatype = found.type ? elementsOf(found.type) : undefined;
  if (datatype && found.type) walkObject(json, found.type, datatype, where, issues);
}

/** `parameter` -> `DeviceRequest.parameter`; `valueCoding` -> `…value[x]` typed Coding. */
function findElement(elements: Elements, elementPath: string, key: string): { element: ElementDefinition; type?: string } | undefined {
  const direct = elements.get(`${elementPath}.${key}`);
  if (direct) return { element: direct, type: direct.type?.length === 1 ? direct.type[0].code : undefined };
  for (const [path, element] of elements) {
    if (!path.startsWith(`${elementPath}.`) || !path.endsWith('[x]')) continue;
    const base = path.slice(elementPath.length + 1, -3);
    if (base.includes('.') || !key.startsWith(base)) continue;
    const suffix = key.slice(base.length);
    const type = element.type?.find((candidate) => candidate.code?.toLowerCase() === suffix.toLowerCase())?.code;
    if (type) return { element, type };
  }
  return undefined;
}

function checkBinding(element: ElementDefinition, type: string | undefined, value: unknown, where: string, issues: string[]): void {
  const binding = element.binding;
  if (binding?.strength !== 'required' || !binding.valueSet) return;
  const valueSet = binding.valueSet.split('|')[0];
  const codes = valueSetCodes(valueSet);
  const allowed = (system: string | undefined, code: string | undefined): boolean => {
    if (code === undefined) return false;
    if (codes) return system === undefined ? [...codes].some((entry) => entry.endsWith(`|${code}`)) : codes.has(`${system}|${code}`);
    const bySyntax = UNENUMERATED_BINDINGS[valueSet];
    if (!bySyntax) {
      issues.push(`${where}: required binding ${valueSet} cannot be enumerated here; add a check to UNENUMERATED_BINDINGS`);
      return true;
    }
    return bySyntax(code);
  };
  if (type === 'Coding') {
    const coding = value as Coding;
    if (!allowed(coding.system, coding.code)) issues.push(`${where}: ${coding.system}|${coding.code} is not in ${valueSet}`);
  } else if (type === 'CodeableConcept') {
    const codings = ((value as { coding?: Coding[] }).coding ?? []);
    if (!codings.some((coding) => allowed(coding.system, coding.code))) issues.push(`${where}: no coding from ${valueSet}`);
  } else if (typeof value === 'string') {
    if (!allowed(undefined, value)) issues.push(`${where}: '${value}' is not in ${valueSet}`);
  }
}
