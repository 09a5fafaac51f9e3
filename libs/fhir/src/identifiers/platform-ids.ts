import { platformUrl } from '../fhir-media-type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a FHIR id can name one of the platform's rows (every one a UUID). A
 * FHIR id is any string: another one names nothing, the 404 of a read (not
 * the JSON API's 400), and must not reach a uuid column.
 */
export const namesPlatformRow = (id: string): boolean => UUID.test(id);

/** The platform's own systems several services code with. */
export const PLATFORM_SYSTEMS = {
  /** A telemonitoring operator, by its platform id (the `org` of its users' tokens). */
  operator: platformUrl('NamingSystem/operator'),
  /** An evaluation body, by its platform id. */
  evaluator: platformUrl('NamingSystem/evaluator'),
  /** API.md's IndicationCode. */
  indication: platformUrl('CodeSystem/indication'),
} as const;
