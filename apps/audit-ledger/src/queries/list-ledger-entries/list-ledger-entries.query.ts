import type { Principal } from '@app/auth';
import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { LedgerEntryView } from '../../store/entry.store';

export class ListLedgerEntriesQuery extends Query<ListResponse<LedgerEntryView>> {
  constructor(
    readonly subject: string,
    readonly page: { page: number; pageSize: number },
    readonly reader: Principal,
  ) {
    super();
  }
}
