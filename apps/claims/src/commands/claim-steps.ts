import { CommandPipeline, type CommandContext, type CommandUnit } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { ClaimView } from '../projections/claim-view';
import { ClaimViews } from '../projections/claim-views';
import { ClaimAggregate, type ClaimCommandRequest } from './claim.aggregate';

/**
 * What every user step on one claim shares: the pipeline's transaction, the
 * command built inside it (some seal a text first), the decision on the
 * Claim aggregate, and the claim as it is answered (its notes opened).
 * A handler says only what is particular to its use case.
 */
@Injectable()
export class ClaimSteps {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly aggregate: ClaimAggregate,
    private readonly views: ClaimViews,
  ) {}

  run(claimId: string, context: CommandContext, command: (unit: CommandUnit) => ClaimCommandRequest | Promise<ClaimCommandRequest>): Promise<ClaimView> {
    return this.pipeline.transaction(async (unit) => {
      const stored = await unit.execute(this.aggregate, { streamId: claimId, command: await command(unit), context });
      return this.views.complete(stored, unit.tx);
    });
  }
}
