import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';
import type { FhirSearch } from '../search/fhir-search';

/** Where a search was asked: the public base (`https://host/fhir/R4`) and the query as the client gave it. */
export interface SearchLocation {
  base: string;
  type: string;
  query: Record<string, unknown>;
}

/**
 * One page of a search as a `searchset` Bundle: `total` is every match, and
 * the `self`, `first`, `previous`, `next` and `last` links repeat the
 * client's parameters with `_page` set, so following `next` is all a client does.
 */
export function searchsetBundle(resources: Resource[], total: number, search: FhirSearch, location: SearchLocation): Bundle {
  const lastPage = Math.max(1, Math.ceil(total / search.count));
  const link = (relation: string, page: number): BundleLink => ({ relation, url: pageUrl(location, page) });
  const links: BundleLink[] = [link('self', search.page), link('first', 1)];
  if (search.page > 1) links.push(link('previous', Math.min(search.page - 1, lastPage)));
  if (search.page < lastPage) links.push(link('next', search.page + 1));
  links.push(link('last', lastPage));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: links,
    entry: resources.map((resource) => ({
      fullUrl: `${location.base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

function pageUrl({ base, type, query }: SearchLocation, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name === '_page') continue;
    for (const each of Array.isArray(value) ? value : [value]) params.append(name, String(each));
  }
  params.set('_page', String(page));
  return `${base}/${type}?${params.toString()}`;
}
