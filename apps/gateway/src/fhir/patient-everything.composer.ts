import { DomainError, ERROR_CODES } from '@app/contracts';
import { FHIR_BASE_PATH } from '@app/fhir';
import { Injectable } from '@nestjs/common';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { FhirUpstreams, type UpstreamHeaders } from './fhir-upstreams';

/** Pages of 200 followed per resource type before the answer is refused as too large (40,000 resources). */
const MAX_PAGES = 200;
const PAGE_SIZE = 200;

interface PatientSearch {
  service: string;
  url: string;
  type: string;
}

/**
 * `Patient/:pseudonym/$everything`: every resource type that a service serves
 * with a `patient` search, searched with the caller's own token and followed
 * page by page, so each service applies its own visibility (a physician gets
 * the resources of their prescriptions; another's patient, an empty Bundle).
 * A type the caller's role may not read at all (403) holds nothing of theirs
 * to see; any other failure is a 503 naming the service, never a partial Bundle.
 */
@Injectable()
export class PatientEverythingComposer {
  constructor(private readonly upstreams: FhirUpstreams) {}

  async compose(pseudonym: string, headers: UpstreamHeaders, base: string): Promise<Bundle> {
    const searches = await this.patientSearches(headers);
    const found = await Promise.all(searches.map((search) => this.searchAll(search, pseudonym, headers)));
    const resources = found.flat();
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: resources.length,
      link: [{ relation: 'self', url: `${base}/Patient/${pseudonym}/$everything` }],
      entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
    };
  }

  private async patientSearches(headers: UpstreamHeaders): Promise<PatientSearch[]> {
    const parts = await this.upstreams.capabilities(headers);
    const urls = new Map(this.upstreams.sources.map((source) => [source.service, source.url]));
    return parts.flatMap((part) =>
      part.resources
        .filter((resource) => part.routedTypes.includes(resource.type))
        .filter((resource) => resource.interactions.includes('search-type') && resource.searchParams.some((param) => param.name === 'patient'))
        .map((resource) => ({ service: part.service, url: urls.get(part.service) ?? '', type: resource.type })),
    );
  }

  private async searchAll({ service, url, type }: PatientSearch, pseudonym: string, headers: UpstreamHeaders): Promise<Resource[]> {
    const resources: Resource[] = [];
    let next: string | undefined = `${url}${FHIR_BASE_PATH}/${type}?patient=${pseudonym}&_count=${PAGE_SIZE}`;
    for (let page = 0; next; page += 1) {
      if (page === MAX_PAGES) {
        throw new DomainError(ERROR_CODES.tooLarge, `More than ${MAX_PAGES * PAGE_SIZE} ${type} resources: search ${type}?patient= page by page instead`, 'too_large');
      }
      const answer = await this.upstreams.get(service, next, headers);
      if (answer.status === 403) return [];
      if (answer.status !== 200) throw this.upstreams.unavailable(service, `answered HTTP ${answer.status} to a ${type} search`);
      const bundle = answer.body as Bundle;
      resources.push(...(bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : [])));
      next = bundle.link?.find((link) => link.relation === 'next')?.url;
      // The service built its links on the address the gateway called: anything else is not followed.
      if (next && !next.startsWith(`${url}${FHIR_BASE_PATH}/`)) throw this.upstreams.unavailable(service, `gave a next link outside ${url}`);
    }
    return resources;
  }
}
