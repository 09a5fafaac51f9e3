import type { SignedTreeHead } from '@app/audit';
import type { Extension, Provenance } from '@medplum/fhirtypes';
import type { InclusionProofView } from '../../queries/get-inclusion-proof/get-inclusion-proof.query';
import { countPart, nestedExtension, stringPart } from '../ledger-fhir.extensions';
import { LEDGER_EXTENSIONS } from '../ledger-fhir.urls';

/**
 * The inclusion proof of the entry's leaf against a signed tree head, exactly
 * as `GET /v1/ledger/entries/:index/inclusion-proof` and `GET
 * /v1/ledger/tree-head` serve them: `leafIndex`, `treeSize`, `leafHash`, one
 * `path` per hash in the proof's order (RFC 9162, leaf to root), and
 * `treeHead` (`treeSize`, `rootHash`, `timestamp`, `signature`, `keyId`).
 */
export function inclusionProofExtension(proof: InclusionProofView, head: SignedTreeHead): Extension {
  return nestedExtension(LEDGER_EXTENSIONS.inclusionProof, [
    countPart('leafIndex', proof.leafIndex),
    countPart('treeSize', proof.treeSize),
    stringPart('leafHash', proof.leafHash),
    ...proof.path.map((hash) => stringPart('path', hash)),
    nestedExtension('treeHead', [
      countPart('treeSize', head.treeSize),
      stringPart('rootHash', head.rootHash),
      { url: 'timestamp', valueInstant: head.timestamp },
      stringPart('signature', head.signature),
      stringPart('keyId', head.keyId),
    ]),
  ]);
}

/** What a client needs to check a Provenance offline: the proof, the head, and the leaf bytes it proves. */
export interface ProvenanceProof {
  proof: InclusionProofView;
  treeHead: SignedTreeHead;
  /** The RFC 8785 bytes of the entry, seal included: leafHash = SHA-256(0x00 || these). */
  entryJcs: string;
}

const parts = (extension: Extension | undefined, url: string): Extension[] => (extension?.extension ?? []).filter((part) => part.url === url);
const one = (extension: Extension | undefined, url: string): Extension => {
  const [part, ...more] = parts(extension, url);
  if (!part || more.length > 0) throw new Error(`the ${extension?.url ?? 'proof'} extension must hold exactly one '${url}'`);
  return part;
};

/** Reads the proof back out of a Provenance, as a verifier given only the resource does (the inverse of the extension above). */
export function provenanceProof(provenance: Provenance): ProvenanceProof {
  const proofExtension = provenance.extension?.find((extension) => extension.url === LEDGER_EXTENSIONS.inclusionProof);
  const jcs = provenance.extension?.find((extension) => extension.url === LEDGER_EXTENSIONS.entryJcs)?.valueBase64Binary;
  if (!proofExtension || !jcs) throw new Error('the Provenance carries no inclusion proof or no entry bytes');
  const head = one(proofExtension, 'treeHead');
  return {
    proof: {
      leafIndex: Number(one(proofExtension, 'leafIndex').valueUnsignedInt),
      treeSize: Number(one(proofExtension, 'treeSize').valueUnsignedInt),
      leafHash: String(one(proofExtension, 'leafHash').valueString),
      path: parts(proofExtension, 'path').map((part) => String(part.valueString)),
    },
    treeHead: {
      treeSize: Number(one(head, 'treeSize').valueUnsignedInt),
      rootHash: String(one(head, 'rootHash').valueString),
      timestamp: String(one(head, 'timestamp').valueInstant),
      signature: String(one(head, 'signature').valueString),
      keyId: String(one(head, 'keyId').valueString),
    },
    entryJcs: Buffer.from(jcs, 'base64').toString('utf8'),
  };
}
