import { useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../api/api-client';
import { Busy } from './Busy';
import { ErrorAlert } from './ErrorAlert';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

/**
 * A list as API.md pages it: a table with its caption, the page's rows and
 * the pager (previous, next, "page 2 of 5"). `load` fetches one page;
 * `queryKey` names the list, so a write that changes it can refresh it
 * (`queryClient.invalidateQueries`). `refetchInterval` polls, for effects
 * that other services bring within seconds (API.md "Consistency").
 */
export function PagedTable<T>({
  caption,
  queryKey,
  load,
  columns,
  rowKey,
  pageSize = 20,
  refetchInterval,
}: {
  caption: string;
  queryKey: readonly unknown[];
  load: (page: number, pageSize: number) => Promise<Paged<T>>;
  columns: Column<T>[];
  rowKey: (item: T) => string;
  pageSize?: number;
  refetchInterval?: number;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: [...queryKey, page, pageSize], queryFn: () => load(page, pageSize), placeholderData: keepPreviousData, refetchInterval });
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / pageSize)) : 1;
  return (
    <div className="paged-table">
      {query.isPending && <Busy />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && (
        <>
          <table aria-busy={query.isFetching}>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {query.data.items.length === 0 && (
                <tr>
                  <td colSpan={columns.length}>{t('none')}</td>
                </tr>
              )}
              {query.data.items.map((item) => (
                <tr key={rowKey(item)}>
                  {columns.map((column) => (
                    <td key={column.header}>{column.cell(item)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label={caption}>
            <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page <= 1}>
              {t('previousPage')}
            </button>
            <span>{t('pageOf', { page, pages, total: query.data.total })}</span>
            <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page >= pages}>
              {t('nextPage')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
