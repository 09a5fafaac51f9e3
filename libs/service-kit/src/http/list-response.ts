import type { ListResponse } from '@app/contracts';

export const toListResponse = <T>(items: T[], total: number, page: number, pageSize: number): ListResponse<T> => ({
  items,
  page,
  pageSize,
  total,
});

/** SQL `OFFSET` / `LIMIT` of a page. */
export const pageWindow = ({ page, pageSize }: { page: number; pageSize: number }) => ({
  offset: (page - 1) * pageSize,
  limit: pageSize,
});
