import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { ClaimView } from '../../projections/claim-view';
import type { AdjudicateClaimRequestDto } from './adjudicate-claim.request.dto';

export class AdjudicateClaimCommand extends UseCaseCommand<{ claimId: string; by: Principal; request: AdjudicateClaimRequestDto }, ClaimView> {}
