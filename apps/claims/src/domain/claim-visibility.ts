import type { ClaimLineKindV1, Role } from '@app/contracts';

/** What visibility needs of a caller: their token's role and the claim that ties them to claims. */
export interface ClaimViewer {
  role: Role | 'system';
  /** The token's subject, when known (visibility does not need it). */
  id?: string;
  rpps?: string;
  org?: string;
  pseudonym?: string;
}

/** What visibility needs of a claim (a ClaimCreatedV1 or a view of it). */
export interface ClaimParties {
  prescriberRpps: readonly string[];
  lines: readonly { kind: ClaimLineKindV1; payee: string }[];
}

const payeeOf = (claim: ClaimParties, kind: ClaimLineKindV1): string | undefined => claim.lines.find((line) => line.kind === kind)?.payee;

/** The operator is paid the OPERATOR line, the vendor (the exploitant) the TECHNICAL one. */
const paidBy = (claim: ClaimParties, viewer: ClaimViewer): boolean => {
  const kind: ClaimLineKindV1 | null = viewer.role === 'operator' ? 'OPERATOR' : viewer.role === 'vendor' ? 'TECHNICAL' : null;
  return kind !== null && viewer.org !== undefined && viewer.org === payeeOf(claim, kind);
};

/**
 * Claims processors and admins see every claim; a physician the claims of
 * their prescriptions; an operator or a vendor the claims paying them. For
 * everyone else a claim does not exist (404); the SQL form of this rule is
 * projections/claim-visible-to.sql.ts.
 */
export function claimVisibleTo(claim: ClaimParties, viewer: ClaimViewer): boolean {
  switch (viewer.role) {
    case 'system':
    case 'claims_processor':
    case 'admin':
      return true;
    case 'physician':
      return viewer.rpps !== undefined && claim.prescriberRpps.includes(viewer.rpps);
    case 'operator':
    case 'vendor':
      return paidBy(claim, viewer);
    default:
      return false;
  }
}

/** The payee (operator or vendor org) contests a rejection; the decider checks that it is REJECTED and not contested yet. */
export const canContest = (claim: ClaimParties, viewer: ClaimViewer): boolean => paidBy(claim, viewer);
