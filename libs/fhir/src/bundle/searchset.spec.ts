import type { Resource } from '@medplum/fhirtypes';
import { searchsetBundle } from './searchset';

const location = { base: 'http://localhost:3000/fhir/R4', type: 'Claim', query: { patient: 'p', status: ['active'], _count: '2', _page: '2' } };
const claims = [{ resourceType: 'Claim', id: 'c3' }, { resourceType: 'Claim', id: 'c4' }] as Resource[];

describe('a page of a search as a searchset Bundle', () => {
  it('counts every match and links every page with the client parameters kept', () => {
    const bundle = searchsetBundle(claims, 5, { lastUpdated: {}, count: 2, page: 2 }, location);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 5 });
    expect(Object.fromEntries((bundle.link ?? []).map((link) => [link.relation, link.url]))).toEqual({
      self: 'http://localhost:3000/fhir/R4/Claim?patient=p&status=active&_count=2&_page=2',
      first: 'http://localhost:3000/fhir/R4/Claim?patient=p&status=active&_count=2&_page=1',
      previous: 'http://localhost:3000/fhir/R4/Claim?patient=p&status=active&_count=2&_page=1',
      next: 'http://localhost:3000/fhir/R4/Claim?patient=p&status=active&_count=2&_page=3',
      last: 'http://localhost:3000/fhir/R4/Claim?patient=p&status=active&_count=2&_page=3',
    });
    expect(bundle.entry?.map((entry) => [entry.fullUrl, entry.search?.mode])).toEqual([
      ['http://localhost:3000/fhir/R4/Claim/c3', 'match'],
      ['http://localhost:3000/fhir/R4/Claim/c4', 'match'],
    ]);
  });

  it('has no next link on the last page, and one page when nothing matched', () => {
    const last = searchsetBundle([], 0, { lastUpdated: {}, count: 50, page: 1 }, { ...location, query: {} });
    expect(last.link?.map((link) => link.relation)).toEqual(['self', 'first', 'last']);
    expect(last.entry).toEqual([]);
  });
});
