import { isRole } from '@app/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_64 = /^[0-9a-f]{64}$/;
const HEX_128 = /^[0-9a-f]{128}$/;
/** API.md subjects: `<device|prescription|attempt|enrolment|claim|notification|webhook>:<uuid>` or `patient:<pseudonym>`. */
const SUBJECT = /^(?:(?:device|prescription|attempt|enrolment|claim|notification|webhook):[0-9A-Za-z._~-]{1,128}|patient:[0-9A-Za-z._~-]{1,128})$/;

const isText = (value: unknown, max = 1_000): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** UTC ISO 8601 with milliseconds, one spelling per instant (validity and order compare these strings' instants). */
export const isIsoMs = (value: unknown): value is string =>
  typeof value === 'string' && Number.isFinite(Date.parse(value)) && new Date(Date.parse(value)).toISOString() === value;

/**
 * Why an arriving entry cannot be appended as it stands, naming the field, or
 * null: every field of API.md "Audit ledger" in its form (the seal's
 * signature is checked after, against the signer registry). Fields API.md
 * does not name are kept as they came: the seal covers them.
 */
export function entryShapeProblem(entry: unknown, streamId: unknown): string | null {
  if (!isObject(entry)) return 'no entry object';
  const e = entry;
  if (typeof e.id !== 'string' || !UUID.test(e.id)) return 'no UUID id';
  if (!isIsoMs(e.occurredAt)) return 'no ISO 8601 occurredAt (UTC, with milliseconds)';
  if (!isObject(e.actor) || !isText(e.actor.id, 200) || !(isRole(e.actor.role) || e.actor.role === 'system')) return 'actor must be { id, role }';
  if (!isText(e.action, 200)) return 'action must be a non-empty string';
  if (typeof e.subject !== 'string' || !SUBJECT.test(e.subject)) return 'subject must be <kind>:<id> (API.md)';
  if (!Array.isArray(e.relatedSubjects) || !e.relatedSubjects.every((s) => typeof s === 'string' && SUBJECT.test(s))) {
    return 'relatedSubjects must be a list of <kind>:<id>';
  }
  if (!isText(e.decision, 200)) return 'decision must be a non-empty string';
  if (!isObject(e.evidence)) return 'evidence must be an object';
  if (e.rulesVersion !== undefined && !isText(e.rulesVersion, 200)) return 'rulesVersion must be a string when present';
  if (!isText(e.correlationId, 200)) return 'correlationId must be a non-empty string';
  if (!isText(e.service, 100)) return 'service must be a non-empty string';
  if (!Number.isSafeInteger(e.streamVersion) || (e.streamVersion as number) < 0 || (e.streamVersion as number) > 2 ** 31 - 1) {
    return 'no integer streamVersion';
  }
  if (typeof e.prevHash !== 'string' || !HEX_64.test(e.prevHash)) return 'no prevHash (64 lowercase hex)';
  if (e.seal !== undefined && (!isObject(e.seal) || !HEX_64.test(String(e.seal.keyId)) || !HEX_128.test(String(e.seal.signature)))) {
    return 'seal must be { keyId: 64 hex, signature: 128 hex }';
  }
  if (typeof streamId !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(streamId)) return 'no streamId on the envelope';
  return null;
}
