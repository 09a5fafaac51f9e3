import { validateResource } from '@medplum/core';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { requiredBindingIssues } from './binding-walk';
import { fhirStructures } from './fhir-definitions';

/**
 * What is wrong with a resource as FHIR R4: medplum's validator (structure,
 * cardinalities, types, invariants), its warnings included, and the required
 * value-set bindings it does not check. Empty when the resource is valid.
 */
export function fhirIssues(resource: Resource): string[] {
  fhirStructures();
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource) ?? [];
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
    if (!outcome?.issue) throw error;
    issues = outcome.issue;
  }
  const fromValidator = issues
    .filter((issue) => issue.severity !== 'information')
    .map((issue) => `${issue.severity} ${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? issue.diagnostics ?? issue.code}`);
  return [...fromValidator, ...requiredBindingIssues(resource)];
}

/** Throws, listing every issue, unless the resource is valid FHIR R4 with every required binding honoured. */
export function expectValidFhir(resource: Resource): void {
  const issues = fhirIssues(resource);
  if (issues.length > 0) {
    throw new Error(`${resource.resourceType}/${resource.id ?? '(no id)'} is not valid FHIR R4:\n  ${issues.join('\n  ')}`);
  }
}
