import type { DomainError } from '@app/contracts';
import { PAGING_PARAMS, PATIENT_PARAM, statusParam, type FhirResourceCapability } from '../capability/resource-capability';
import { parseFhirSearch } from './fhir-search';

const claims: FhirResourceCapability = {
  type: 'Claim',
  interactions: ['read', 'search-type'],
  searchParams: [PATIENT_PARAM, statusParam(['active', 'cancelled']), ...PAGING_PARAMS],
};
const pseudonym = 'a'.repeat(64);

const refusal = (query: Record<string, unknown>) => {
  try {
    parseFhirSearch(query, claims);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('accepted');
};

describe('a FHIR search read from its query string', () => {
  it('defaults to the first page of 50', () => {
    expect(parseFhirSearch({}, claims)).toEqual({ lastUpdated: {}, count: 50, page: 1 });
  });

  it('reads the patient as a reference or a bare pseudonym, statuses, a _lastUpdated range and paging', () => {
    const search = parseFhirSearch(
      { patient: `Patient/${pseudonym}`, status: 'active,cancelled', _lastUpdated: ['ge2026-01-01', 'lt2026-02-01T00:00:00Z'], _count: '10', _page: '3' },
      claims,
    );
    expect(search).toEqual({
      patient: pseudonym,
      status: ['active', 'cancelled'],
      lastUpdated: { from: new Date('2026-01-01T00:00:00.000Z'), to: new Date('2026-02-01T00:00:00.000Z') },
      count: 10,
      page: 3,
    });
    expect(parseFhirSearch({ patient: pseudonym }, claims).patient).toBe(pseudonym);
  });

  it('refuses, in one 400 naming each, an undeclared parameter, a bad value and a repeated one', () => {
    const error = refusal({ subject: 'x', patient: 'Patient/NOT-A-PSEUDONYM', status: 'ISSUED', _count: ['1', '2'], _page: '0' });
    expect(error).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED', kind: 'invalid' });
    expect(error.details.map((detail) => [detail.field, detail.code])).toEqual([
      ['subject', 'UNKNOWN_PARAMETER'],
      ['patient', 'INVALID_VALUE'],
      ['status', 'INVALID_VALUE'],
      ['_count', 'REPEATED_PARAMETER'],
      ['_page', 'INVALID_VALUE'],
    ]);
  });

  it('refuses _count beyond 200 and a date without its time zone', () => {
    expect(refusal({ _count: '201' }).details[0]).toMatchObject({ field: '_count' });
    expect(refusal({ _lastUpdated: 'ge2026-01-01T10:00' }).details[0]).toMatchObject({ field: '_lastUpdated' });
    expect(refusal({ _lastUpdated: 'ge2026-02-30' }).details[0]).toMatchObject({ field: '_lastUpdated' });
  });
});
