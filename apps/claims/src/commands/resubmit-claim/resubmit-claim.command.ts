import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { ClaimView } from '../../projections/claim-view';

export class ResubmitClaimCommand extends UseCaseCommand<{ claimId: string; by: Principal }, ClaimView> {}
