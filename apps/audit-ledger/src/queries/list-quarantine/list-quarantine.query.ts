import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { QuarantineItem } from '../../store/quarantine.store';

export class ListQuarantineQuery extends Query<ListResponse<QuarantineItem>> {
  constructor(readonly page: { page: number; pageSize: number }) {
    super();
  }
}
