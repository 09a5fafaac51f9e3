import type { Actor } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';

export interface ClaimHistoryItem {
  type: string;
  version: number;
  occurredAt: string;
  actor: Actor;
  data: Record<string, unknown>;
}

export class ClaimHistoryQuery extends Query<{ items: ClaimHistoryItem[] }> {
  constructor(
    readonly claimId: string,
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
