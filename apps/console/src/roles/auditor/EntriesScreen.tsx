import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { StatusBadge } from '../../components/StatusBadge';
import { DateTime } from '../../components/When';
import { ActorName } from './ActorName';
import type { LedgerEntryView } from './ledger-api';
import { normalizeSubject } from './subject-query';
import { LEDGER_KEYS, useLedger } from './use-ledger';

/** Path of an entry's page; the subject it was found under comes along (the API reads entries by subject only). */
export const entryPath = (index: number, subject: string): string => `/auditor/entries/${index}?subject=${encodeURIComponent(subject)}`;

/** The entries of one subject (its own or a related one), paged; the search is in the address, so it can be shared and come back to. */
export function EntriesScreen() {
  const { t } = useTranslation('auditor');
  const ledger = useLedger();
  const [params, setParams] = useSearchParams();
  const subject = params.get('subject') ?? '';
  const [typed, setTyped] = useState(subject);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = normalizeSubject(typed);
    setTyped(next);
    setParams(next ? { subject: next } : {});
  };
  return (
    <Page title={t('entries.title')}>
      <form className="form" role="search" aria-label={t('entries.search')} onSubmit={submit}>
        <Field label={t('entries.subject')} field="subject" hint={t('entries.subjectHint')}>
          <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <button type="submit" className="primary">
          {t('entries.submit')}
        </button>
      </form>
      {subject ? (
        <section aria-labelledby="entries-list">
          <h2 id="entries-list">{t('entries.results')}</h2>
          <PagedTable<LedgerEntryView>
            key={subject}
            caption={t('entries.caption', { subject })}
            queryKey={LEDGER_KEYS.entries(subject)}
            load={(page, pageSize) => ledger.entries(subject, page, pageSize)}
            rowKey={(view) => String(view.index)}
            columns={[
              { header: t('entries.index'), cell: (view) => <Link to={entryPath(view.index, subject)}>{t('entries.open', { index: view.index })}</Link> },
              { header: t('entries.time'), cell: (view) => <DateTime iso={view.entry.occurredAt} /> },
              { header: t('entries.actor'), cell: (view) => <ActorName actor={view.entry.actor} /> },
              { header: t('entries.action'), cell: (view) => <code className="mono">{view.entry.action}</code> },
              { header: t('entries.subjectColumn'), cell: (view) => <code className="mono">{view.entry.subject}</code> },
              { header: t('entries.decision'), cell: (view) => <StatusBadge status={view.entry.decision} /> },
            ]}
          />
        </section>
      ) : (
        <p>{t('entries.prompt')}</p>
      )}
    </Page>
  );
}
