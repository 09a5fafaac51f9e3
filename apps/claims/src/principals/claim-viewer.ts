import type { Principal } from '@app/auth';
import type { ClaimViewer } from '../domain/claim-visibility';

/** How a token's principal sees claims: its role and the claim of the token that ties it to some (an org, an RPPS). */
export const claimViewerOf = ({ sub, role, org, rpps }: Principal): ClaimViewer => ({ id: sub, role, org, rpps });
