import type { Actor } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { EnrolmentViewer } from '../../domain/enrolment-visibility';

export interface EnrolmentHistoryItem {
  type: string;
  version: number;
  occurredAt: string;
  actor: Actor;
  data: Record<string, unknown>;
}

export class EnrolmentHistoryQuery extends Query<{ items: EnrolmentHistoryItem[] }> {
  constructor(
    readonly enrolmentId: string,
    readonly viewer: EnrolmentViewer,
  ) {
    super();
  }
}
