import type { Bundle, CapabilityStatement, Resource } from '@medplum/fhirtypes';
import type { Workflow } from './workflow-steps';

/** FHIR answers are `application/fhir+json` (API.md "FHIR R4"). */
const FHIR_ACCEPT = { accept: 'application/fhir+json' };

/** `GET /fhir/R4/metadata`: public, like every FHIR server's. */
export async function fhirMetadata(wf: Workflow): Promise<CapabilityStatement> {
  return (await wf.client.get<CapabilityStatement>('/fhir/R4/metadata', { headers: FHIR_ACCEPT })).body;
}

/** `GET /fhir/R4/<type>/:id` with `token`: the resource, or the status asked for (a 404's OperationOutcome). */
export async function fhirRead<T extends Resource = Resource>(wf: Workflow, reference: string, token: string, expect: number | number[] = 200): Promise<T> {
  return (await wf.client.get<T>(`/fhir/R4/${reference}`, { token, expect, headers: FHIR_ACCEPT })).body;
}

/**
 * A search followed to its last page through the Bundles' `next` links, as a
 * FHIR client pages: every resource it matched, and the first page's total.
 */
export async function fhirSearchAll(wf: Workflow, type: string, params: Record<string, string>, token: string): Promise<{ total: number; resources: Resource[]; pages: number }> {
  let path: string | undefined = `/fhir/R4/${type}?${new URLSearchParams(params).toString()}`;
  const resources: Resource[] = [];
  let total = -1;
  let pages = 0;
  while (path) {
    const answer: { body: Bundle } = await wf.client.get<Bundle>(path, { token, headers: FHIR_ACCEPT });
    const body = answer.body;
    if (total === -1) total = body.total ?? 0;
    pages += 1;
    resources.push(...(body.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : [])));
    const next: string | undefined = body.link?.find((link) => link.relation === 'next')?.url;
    // The links are absolute, on the gateway's address: the client keeps its own base.
    path = next ? `${new URL(next).pathname}${new URL(next).search}` : undefined;
  }
  return { total, resources, pages };
}

/** `GET /fhir/R4/Patient/:pseudonym/$everything` with `token`: what this caller may see of the patient, as one Bundle. */
export async function fhirEverything(wf: Workflow, pseudonym: string, token: string): Promise<Bundle> {
  return (await wf.client.get<Bundle>(`/fhir/R4/Patient/${pseudonym}/$everything`, { token, headers: FHIR_ACCEPT })).body;
}
