import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../api/api-client';
import { useApi } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { DateTime } from '../../components/When';
import { formatDateTime } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import type { NotificationView } from './api-types';

/** Facts arrive from other services: the inbox is polled. */
const INBOX_POLL_MS = 5_000;

/** The physician's inbox, paged, unread only on request; reading one is recorded (and audited when it engages them). */
export function NotificationsPage() {
  const { t } = useTranslation('physician');
  const { t: common } = useTranslation();
  const api = useApi();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [unread, setUnread] = useState('');
  const read = useMutation({
    mutationFn: (id: string) => api.post<NotificationView>(`/v1/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['physician', 'notifications'] }),
  });
  return (
    <Page title={t('notifications.title')}>
      <Field label={t('notifications.filter')}>
        <select value={unread} onChange={(event) => setUnread(event.target.value)}>
          <option value="">{t('notifications.all')}</option>
          <option value="true">{t('notifications.unread')}</option>
        </select>
      </Field>
      <ErrorAlert error={read.error} />
      <PagedTable<NotificationView>
        caption={t('notifications.caption')}
        queryKey={['physician', 'notifications', unread]}
        load={(page, pageSize) => api.get<Paged<NotificationView>>('/v1/notifications', { unread, page, pageSize })}
        rowKey={(item) => item.id}
        refetchInterval={INBOX_POLL_MS}
        columns={[
          { header: t('notifications.date'), cell: (item) => <DateTime iso={item.createdAt} /> },
          { header: t('notifications.type'), cell: (item) => t(`notificationTypes.${item.type}`, { defaultValue: item.type }) },
          { header: t('notifications.message'), cell: (item) => item.message },
          { header: common('status'), cell: (item) => <StatusBadge status={item.status} /> },
          {
            header: common('actions'),
            cell: (item) =>
              item.status === 'UNREAD' ? (
                <button
                  type="button"
                  onClick={() => read.mutate(item.id)}
                  disabled={read.isPending}
                  aria-label={`${t('notifications.markRead')} : ${t(`notificationTypes.${item.type}`, { defaultValue: item.type })}, ${formatDateTime(item.createdAt, language)}`}
                >
                  {t('notifications.markRead')}
                </button>
              ) : (
                t('notifications.readAt', { at: item.readAt ? formatDateTime(item.readAt, language) : '—' })
              ),
          },
        ]}
      />
    </Page>
  );
}
