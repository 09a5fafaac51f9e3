import type { SignedTreeHead } from '@app/audit';
import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';

export class ListTreeHeadsQuery extends Query<ListResponse<SignedTreeHead>> {
  constructor(readonly page: { page: number; pageSize: number }) {
    super();
  }
}
