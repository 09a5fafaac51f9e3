import type { ListResponse } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { ClaimViewer } from '../../domain/claim-visibility';
import type { FileActiveFilters, FileActiveView } from '../../projections/file-active.repository';

export class ListFileActiveQuery extends Query<ListResponse<FileActiveView>> {
  constructor(
    readonly filters: FileActiveFilters,
    readonly page: { page: number; pageSize: number },
    readonly viewer: ClaimViewer,
  ) {
    super();
  }
}
