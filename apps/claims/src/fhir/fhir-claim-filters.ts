import type { FhirSearch } from '@app/fhir';
import type { ClaimView } from '../projections/claim-view';
import type { ClaimFilters } from '../projections/claims.repository';

/**
 * A FHIR search as the filters of ClaimsRepository.list (the one list of
 * GET /v1/claims, its visibility included): the patient's pseudonym, the
 * claim statuses the FHIR codes stand for, the last change. Ordered as the
 * JSON list's default (oldest first), so the pages follow one another.
 */
export function claimFiltersOf(search: FhirSearch, statusOf: Record<string, readonly ClaimView['status'][]>, answered = false): ClaimFilters {
  return {
    sort: 'oldest',
    ...(search.patient ? { pseudonym: search.patient } : {}),
    ...(search.status ? { statuses: [...new Set(search.status.flatMap((code) => statusOf[code] ?? []))] } : {}),
    updatedAt: search.lastUpdated,
    answered,
  };
}
