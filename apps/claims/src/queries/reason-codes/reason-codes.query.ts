import { Query } from '@nestjs/cqrs';

export interface ReasonCodeItem {
  code: string;
  label: string;
}

/** `GET /v1/claims/reason-codes`: why a claim or a line may be refused. */
export class ReasonCodesQuery extends Query<{ items: ReasonCodeItem[] }> {}
