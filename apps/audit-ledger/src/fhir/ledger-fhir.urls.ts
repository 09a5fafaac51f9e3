import { PLATFORM_SYSTEMS, platformUrl } from '@app/fhir';

/**
 * The platform's own code systems, naming systems and extensions the ledger's
 * FHIR views use: nothing published says "prescription.issued" or holds a
 * Merkle inclusion proof, so they are named under the platform's namespace.
 */
export const LEDGER_CODES = {
  /** An entry's `action` (`prescription.issued`, `claim.adjudicated`), as the writing service named it. */
  action: platformUrl('CodeSystem/audit-action'),
  /** An entry's `decision` (`ISSUED`, `REFUSED`, `CONSENT_GIVEN`). */
  decision: platformUrl('CodeSystem/audit-decision'),
  /** The platform role of the actor (API.md "Authentication", plus `system`). */
  role: platformUrl('CodeSystem/role'),
} as const;

export const LEDGER_NAMING_SYSTEMS = {
  /** A platform user by the `sub` of their token (an entry's `actor.id`). */
  user: platformUrl('NamingSystem/user'),
  /** A service of the platform (an entry's `service`, the signer of its seal). */
  service: platformUrl('NamingSystem/service'),
  operator: PLATFORM_SYSTEMS.operator,
  evaluator: PLATFORM_SYSTEMS.evaluator,
  /** Subjects the FHIR API serves no resource for: named by identifier only. */
  enrolment: platformUrl('NamingSystem/enrolment'),
  attempt: platformUrl('NamingSystem/attempt'),
  notification: platformUrl('NamingSystem/notification'),
  webhook: platformUrl('NamingSystem/webhook'),
} as const;

export const LEDGER_EXTENSIONS = {
  /** Where the entry sits in the ledger: index, stream version, previous hash, leaf hash (nested). */
  ledgerEntry: platformUrl('StructureDefinition/ledger-entry'),
  /** The request the step was taken in (`X-Correlation-Id`). */
  correlationId: platformUrl('StructureDefinition/correlation-id'),
  /** A free text of the entry as its commitment only, with its RFC 6901 pointer into the entry (nested). */
  textCommitment: platformUrl('StructureDefinition/text-commitment'),
  /** The key id (SHA-256 of the SPKI DER) and algorithm of an entry seal, on `Provenance.signature` (nested). */
  sealKey: platformUrl('StructureDefinition/seal-key'),
  /** The leaf bytes: the RFC 8785 canonical JSON of the entry, seal included (base64). */
  entryJcs: platformUrl('StructureDefinition/ledger-entry-jcs'),
  /** RFC 9162 inclusion of the leaf in the tree of a signed tree head (nested). */
  inclusionProof: platformUrl('StructureDefinition/ledger-inclusion-proof'),
} as const;
