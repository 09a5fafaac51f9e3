import { canonicalJson } from '@app/audit';
import type { AuditEntry } from '@app/contracts';
import type { AuditEvent, AuditEventEntity, Extension } from '@medplum/fhirtypes';
import { actionCoding, auditEventAction, decisionCoding } from '../audit-action-codes';
import { actorReference, serviceReference } from '../ledger-actor-reference';
import { countPart, nestedExtension, stringPart, textCommitmentExtension } from '../ledger-fhir.extensions';
import { ledgerMeta, type LedgerFhirRow } from '../ledger-fhir.row';
import { LEDGER_CODES, LEDGER_EXTENSIONS } from '../ledger-fhir.urls';
import { subjectEntityRole, subjectEntityType, subjectReference } from '../ledger-subject-reference';
import { textCommitments } from '../text-commitments';

const APPLICATION_SERVER = { system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' };

/**
 * Every entry is a step that was taken and recorded: a refusal by the HAS
 * referential or a rejected claim succeeded as a step (its type and decision
 * say it was a refusal), so it is `0`. Only a step recording that the
 * platform's own attempt failed (a submission to the AMO) is a minor failure.
 */
export const auditEventOutcome = (decision: string): '0' | '4' => (/_FAILED$/.test(decision) ? '4' : '0');

/** The entry's position in the ledger and its stream: what ties the resource to the leaf a proof names. */
function ledgerEntryExtension({ index, entry, leafHash, chainFinding }: LedgerFhirRow): Extension {
  return nestedExtension(LEDGER_EXTENSIONS.ledgerEntry, [
    countPart('index', index),
    { url: 'streamVersion', valueUnsignedInt: entry.streamVersion },
    stringPart('prevHash', entry.prevHash),
    stringPart('leafHash', leafHash),
    ...(chainFinding ? [stringPart('chainFinding', canonicalJson(chainFinding))] : []),
  ]);
}

/**
 * The step's subject, with what was decided on which grounds: the decision,
 * the rules version, and the evidence as the entry holds it (canonical JSON:
 * free texts are commitments there, never the texts), each commitment also
 * listed with its pointer.
 */
function subjectEntity(entry: AuditEntry): AuditEventEntity {
  const commitments = textCommitments(entry.evidence, ['evidence']);
  return {
    ...(commitments.length > 0 ? { extension: commitments.map(textCommitmentExtension) } : {}),
    what: subjectReference(entry.subject),
    type: subjectEntityType(entry.subject),
    role: subjectEntityRole(entry.subject),
    name: entry.subject,
    detail: [
      { type: 'decision', valueString: entry.decision },
      ...(entry.rulesVersion ? [{ type: 'rulesVersion', valueString: entry.rulesVersion }] : []),
      { type: 'evidence', valueString: canonicalJson(entry.evidence ?? {}) },
    ],
  };
}

const relatedEntity = (subject: string): AuditEventEntity => ({
  what: subjectReference(subject),
  type: subjectEntityType(subject),
  role: subjectEntityRole(subject),
  name: subject,
});

/**
 * A ledger entry as FHIR R4 `AuditEvent` (id = the entry's id): its action as
 * the type (the platform's action code, its decision as the subtype), what it
 * did to its subject (C, R, U, D, E), when it occurred, who took it, which
 * service recorded it, and its subject then every related subject as
 * entities. Its place in the ledger (index, stream version, prevHash,
 * leafHash) and its correlation id are extensions; its seal and inclusion
 * proof are its `Provenance`'s.
 */
export function auditEventResource(row: LedgerFhirRow): AuditEvent {
  const { entry } = row;
  return {
    resourceType: 'AuditEvent',
    id: entry.id,
    meta: ledgerMeta(row),
    extension: [ledgerEntryExtension(row), stringPart(LEDGER_EXTENSIONS.correlationId, entry.correlationId)],
    type: actionCoding(entry.action),
    subtype: [decisionCoding(entry.decision)],
    action: auditEventAction(entry.action),
    recorded: entry.occurredAt,
    outcome: auditEventOutcome(entry.decision),
    outcomeDesc: entry.rulesVersion ? `${entry.decision} (${entry.rulesVersion})` : entry.decision,
    agent: [
      {
        who: actorReference(entry),
        altId: entry.actor.id,
        role: [{ coding: [{ system: LEDGER_CODES.role, code: entry.actor.role }] }],
        requestor: true,
      },
    ],
    source: { observer: serviceReference(entry.service), type: [APPLICATION_SERVER] },
    entity: [subjectEntity(entry), ...entry.relatedSubjects.map(relatedEntity)],
  };
}
