import { fromHex, type SignedTreeHead } from '@app/audit';
import type { Provenance, ProvenanceAgent, Signature } from '@medplum/fhirtypes';
import type { InclusionProofView } from '../../queries/get-inclusion-proof/get-inclusion-proof.query';
import { activityConcept } from '../audit-action-codes';
import { actorReference, serviceReference } from '../ledger-actor-reference';
import { nestedExtension, stringPart } from '../ledger-fhir.extensions';
import { ledgerMeta, type LedgerFhirRow } from '../ledger-fhir.row';
import { LEDGER_CODES, LEDGER_EXTENSIONS } from '../ledger-fhir.urls';
import { subjectReference } from '../ledger-subject-reference';
import { inclusionProofExtension } from './provenance-proof.extension';

const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
const AUTHOR_SIGNATURE = { system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" };

/** The seal signs the RFC 8785 JSON of the entry without its seal: JSON text, hence `application/json`. */
export const SEAL_TARGET_FORMAT = 'application/json';
/** `data` is the raw 64-byte Ed25519 signature (RFC 8032), for which no MIME type is registered: bytes. */
export const SEAL_SIG_FORMAT = 'application/octet-stream';

/** The writing service's seal of the entry: who signed (the service), when, with which key, over which bytes. */
function sealSignature({ entry }: LedgerFhirRow): Signature {
  return {
    extension: [nestedExtension(LEDGER_EXTENSIONS.sealKey, [stringPart('keyId', entry.seal.keyId), stringPart('algorithm', 'Ed25519')])],
    type: [AUTHOR_SIGNATURE],
    when: entry.occurredAt,
    who: serviceReference(entry.service),
    targetFormat: SEAL_TARGET_FORMAT,
    sigFormat: SEAL_SIG_FORMAT,
    data: Buffer.from(fromHex(entry.seal.signature)).toString('base64'),
  };
}

/** The actor as the step's author; the writing service as the assembler of the entry it sealed. */
function agents({ entry }: LedgerFhirRow): ProvenanceAgent[] {
  return [
    {
      type: { coding: [{ system: PARTICIPANT_TYPE, code: 'author', display: 'Author' }] },
      role: [{ coding: [{ system: LEDGER_CODES.role, code: entry.actor.role }] }],
      who: actorReference(entry),
    },
    { type: { coding: [{ system: PARTICIPANT_TYPE, code: 'assembler', display: 'Assembler' }] }, who: serviceReference(entry.service) },
  ];
}

/**
 * The provenance of one step as FHIR R4 `Provenance` (id = the entry's id):
 * its subject as the target, its related subjects as sources, the action as
 * the activity, the actor and the writing service as agents; the entry's
 * seal as the signature; and, as extensions, the entry's leaf bytes and their
 * inclusion proof against a signed tree head, so that a client holding the
 * ledger's public key and the signers' keys checks the step offline from this
 * resource alone (provenance-proof.extension.ts reads it back).
 */
export function provenanceResource(row: LedgerFhirRow, proof: InclusionProofView, treeHead: SignedTreeHead): Provenance {
  const { entry } = row;
  return {
    resourceType: 'Provenance',
    id: entry.id,
    meta: ledgerMeta(row),
    extension: [
      { url: LEDGER_EXTENSIONS.entryJcs, valueBase64Binary: Buffer.from(row.entryJcs, 'utf8').toString('base64') },
      inclusionProofExtension(proof, treeHead),
    ],
    target: [subjectReference(entry.subject)],
    occurredDateTime: entry.occurredAt,
    recorded: entry.occurredAt,
    activity: activityConcept(entry.action),
    agent: agents(row),
    ...(entry.relatedSubjects.length > 0 ? { entity: entry.relatedSubjects.map((subject) => ({ role: 'source' as const, what: subjectReference(subject) })) } : {}),
    signature: [sealSignature(row)],
  };
}
