import { patientReference, platformUrl } from '@app/fhir';
import type { Coding, Reference } from '@medplum/fhirtypes';
import { LEDGER_NAMING_SYSTEMS } from './ledger-fhir.urls';

/** The FHIR resource served for a kind of subject (API.md "References between types"). */
const SERVED: Record<string, string> = { device: 'DeviceDefinition', prescription: 'DeviceRequest', claim: 'Claim' };
/** The naming system of a kind of subject no FHIR resource is served for. */
const BY_IDENTIFIER: Record<string, string> = {
  enrolment: LEDGER_NAMING_SYSTEMS.enrolment,
  attempt: LEDGER_NAMING_SYSTEMS.attempt,
  notification: LEDGER_NAMING_SYSTEMS.notification,
  webhook: LEDGER_NAMING_SYSTEMS.webhook,
};

const RESOURCE_TYPES = 'http://hl7.org/fhir/resource-types';
const AUDIT_ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';

const split = (subject: string): [string, string] => {
  const at = subject.indexOf(':');
  return [subject.slice(0, at), subject.slice(at + 1)];
};

/**
 * An entry's subject (`prescription:<uuid>`, `patient:<pseudonym>`) as a
 * reference: a literal one to the resource the platform serves for it
 * (`DeviceRequest/<id>`, `Patient/<pseudonym>`), else a logical one by
 * identifier. An enrolment is named by identifier although `Coverage/<id>`
 * shares its id: an enrolment's step (a consent, a device, an activation) is
 * not a step of its coverage, and a reference names one thing.
 */
export function subjectReference(subject: string): Reference {
  const [kind, id] = split(subject);
  if (kind === 'patient') return patientReference(id);
  if (SERVED[kind]) return { reference: `${SERVED[kind]}/${id}` };
  return { identifier: { system: BY_IDENTIFIER[kind] ?? platformUrl(`NamingSystem/${kind}`), value: id } };
}

/** `AuditEvent.entity.type`: the resource type served, or a system object of the platform. */
export function subjectEntityType(subject: string): Coding {
  const [kind] = split(subject);
  if (kind === 'patient') return { system: RESOURCE_TYPES, code: 'Patient' };
  if (SERVED[kind]) return { system: RESOURCE_TYPES, code: SERVED[kind] };
  return { system: AUDIT_ENTITY_TYPE, code: '2', display: 'System Object' };
}

/** `AuditEvent.entity.role`: the patient, or a domain resource. */
export function subjectEntityRole(subject: string): Coding {
  return split(subject)[0] === 'patient'
    ? { system: OBJECT_ROLE, code: '1', display: 'Patient' }
    : { system: OBJECT_ROLE, code: '4', display: 'Domain Resource' };
}
