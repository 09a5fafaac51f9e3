import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FileActiveRepository, type FileActiveView } from '../../projections/file-active.repository';
import { ListFileActiveQuery } from './list-file-active.query';

/** The file active per exploitant, LPP code and semester with its tranche: all of it for processors and admins, a vendor's own as exploitant. */
@QueryHandler(ListFileActiveQuery)
export class ListFileActiveHandler implements IQueryHandler<ListFileActiveQuery, ListResponse<FileActiveView>> {
  constructor(private readonly fileActive: FileActiveRepository) {}

  async execute({ filters, page, viewer }: ListFileActiveQuery): Promise<ListResponse<FileActiveView>> {
    if (viewer.role === 'vendor') {
      if (!viewer.org || (filters.exploitant !== undefined && filters.exploitant !== viewer.org)) return toListResponse([], 0, page.page, page.pageSize);
      filters = { ...filters, exploitant: viewer.org };
    }
    const { rows, total } = await this.fileActive.list(filters, page);
    return toListResponse(rows, total, page.page, page.pageSize);
  }
}
