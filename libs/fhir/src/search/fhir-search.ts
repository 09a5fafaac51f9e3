import { DomainError, ERROR_CODES, type ErrorDetail } from '@app/contracts';
import { isPseudonym } from '@app/fr-health';
import type { FhirResourceCapability, FhirSearchParam } from '../capability/resource-capability';
import { type InstantRange, intersect, lastUpdatedRange } from './last-updated';

/** A search, read from the query string against what the resource type declares. */
export interface FhirSearch {
  /** The pseudonym of `patient`. */
  patient?: string;
  /** `status`: any of these codes. */
  status?: string[];
  lastUpdated: InstantRange;
  count: number;
  page: number;
}

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;
export const MAX_PAGE = 10_000;

export const FHIR_SEARCH_DETAIL_CODES = {
  unknownParameter: 'UNKNOWN_PARAMETER',
  repeated: 'REPEATED_PARAMETER',
  invalidValue: 'INVALID_VALUE',
} as const;

/**
 * The query string of `GET /fhir/R4/<type>?…` -> a typed search, or one 400
 * naming every parameter that is wrong. A parameter the type does not declare
 * is refused rather than ignored: a client filtering on it would otherwise
 * read everything as if it matched.
 */
export function parseFhirSearch(query: Record<string, unknown>, capability: FhirResourceCapability): FhirSearch {
  const declared = new Map(capability.searchParams.map((param) => [param.name, param]));
  const details: ErrorDetail[] = [];
  const search: FhirSearch = { lastUpdated: {}, count: DEFAULT_COUNT, page: 1 };
  const refuse = (field: string, code: string, message: string) => details.push({ field, code, message });

  for (const [name, raw] of Object.entries(query)) {
    const param = declared.get(name);
    if (!param) {
      refuse(name, FHIR_SEARCH_DETAIL_CODES.unknownParameter, `${capability.type} has no search parameter '${name}'; see /fhir/R4/metadata`);
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (name !== '_lastUpdated' && values.length > 1) {
      refuse(name, FHIR_SEARCH_DETAIL_CODES.repeated, `'${name}' is given ${values.length} times; give it once`);
      continue;
    }
    const problem = readParam(param, values, search);
    if (problem) refuse(name, FHIR_SEARCH_DETAIL_CODES.invalidValue, problem);
  }
  if (details.length > 0) {
    throw new DomainError(ERROR_CODES.validationFailed, `Invalid search: ${details.map((d) => d.field).join(', ')}`, 'invalid', details);
  }
  return search;
}

function readParam(param: FhirSearchParam, values: string[], search: FhirSearch): string | undefined {
  const [value] = values;
  switch (param.name) {
    case 'patient': {
      const pseudonym = value.startsWith('Patient/') ? value.slice('Patient/'.length) : value;
      if (!isPseudonym(pseudonym)) return `'${value}' is not Patient/<pseudonym> nor a pseudonym (64 lowercase hex digits)`;
      search.patient = pseudonym;
      return undefined;
    }
    case 'status': {
      const codes = value.split(',');
      const unknown = codes.filter((code) => !param.values?.includes(code));
      if (unknown.length > 0) return `unknown status ${unknown.map((code) => `'${code}'`).join(', ')}; one of ${param.values?.join(', ')}`;
      search.status = codes;
      return undefined;
    }
    case '_lastUpdated': {
      const ranges: InstantRange[] = [];
      for (const each of values) {
        const range = lastUpdatedRange(each);
        if (typeof range === 'string') return range;
        ranges.push(range);
      }
      search.lastUpdated = intersect(ranges);
      return undefined;
    }
    case '_count':
      return readInteger(value, 1, MAX_COUNT, (count) => (search.count = count));
    case '_page':
      return readInteger(value, 1, MAX_PAGE, (page) => (search.page = page));
    default:
      return `'${param.name}' is declared but the platform does not read it`;
  }
}

function readInteger(value: string, min: number, max: number, set: (n: number) => void): string | undefined {
  if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) return `'${value}' is not an integer from ${min} to ${max}`;
  set(Number(value));
  return undefined;
}
