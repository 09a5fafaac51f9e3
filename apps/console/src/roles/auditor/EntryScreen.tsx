import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { DateTime } from '../../components/When';
import { formatDateTime } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import { ActorName } from './ActorName';
import { coveredByHead, entryReport, type EntryReport } from './entry-report';
import { findEntry } from './find-entry';
import { Hash } from './Hash';
import { MAX_PAGE_SIZE, type LedgerEntryView } from './ledger-api';
import { useLedger, useLedgerKey, useSigners, useTreeHead } from './use-ledger';
import { Check, Verdict } from './Verdict';

/** Waiting for a head that covers a just appended entry: heads are signed within seconds of an append. */
const HEAD_POLL_MS = 2_000;

/**
 * One entry, its JSON, and its verification in the browser: the seal against
 * the signer registry, the leaf hash recomputed from its bytes, and its
 * inclusion proof walked to the root of the current signed tree head.
 */
export function EntryScreen() {
  const { t } = useTranslation('auditor');
  const ledger = useLedger();
  const queryClient = useQueryClient();
  const index = Number(useParams().index);
  const subject = useSearchParams()[0].get('subject') ?? '';
  const found = useQuery({
    queryKey: ['ledger', 'entry', subject, index],
    queryFn: () => findEntry(index, (page, pageSize) => ledger.entries(subject, page, pageSize), MAX_PAGE_SIZE),
    enabled: subject !== '' && Number.isSafeInteger(index),
  });
  const view = found.data;
  const head = useTreeHead((query) => (view && query.state.data && !coveredByHead(view, query.state.data) ? HEAD_POLL_MS : false));
  const key = useLedgerKey();
  const signers = useSigners();
  const covered = view !== undefined && head.data !== undefined && coveredByHead(view, head.data);
  const proof = useQuery({
    queryKey: ['ledger', 'inclusion-proof', index, head.data?.treeSize],
    queryFn: () => ledger.inclusionProof(index, head.data!.treeSize),
    enabled: covered,
  });
  const report = useMemo(
    () => (view && signers.data && proof.data && head.data && key.data ? entryReport(view, signers.data, proof.data, head.data, key.data) : undefined),
    [view, signers.data, proof.data, head.data, key.data],
  );
  const error = found.error ?? head.error ?? key.error ?? signers.error ?? proof.error;
  return (
    <Page title={t('entry.title', { index })}>
      {subject && (
        <p>
          <Link to={`/auditor/entries?subject=${encodeURIComponent(subject)}`}>{t('entry.back', { subject })}</Link>
        </p>
      )}
      {!subject && <p>{t('entry.noSubject')}</p>}
      {found.isLoading && <Busy label={t('entry.searching')} />}
      <ErrorAlert error={error} />
      {found.isSuccess && !view && (
        <p role="alert" className="alert alert-error">
          {t('entry.notFound', { index, subject })}
        </p>
      )}
      {view && (
        <>
          <EntryFacts view={view} />
          <section aria-labelledby="entry-checks">
            <h2 id="entry-checks">{t('entry.checks')}</h2>
            <p>{t('inBrowser')}</p>
            {head.data && !covered && <Busy label={t('entry.waitingHead')} />}
            {covered && !report && !error && <Busy />}
            {report && head.data && <EntryChecks report={report} headTime={head.data.timestamp} />}
            <p>
              <button type="button" onClick={() => void queryClient.invalidateQueries({ queryKey: ['ledger'] })}>
                {t('entry.recheck')}
              </button>
            </p>
          </section>
          <section aria-labelledby="entry-json">
            <h2 id="entry-json">{t('entry.json')}</h2>
            <pre className="mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify(view.entry, null, 2)}
            </pre>
            {report && (
              <details>
                <summary>{t('entry.leafBytes')}</summary>
                <pre className="mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {report.leafText}
                </pre>
              </details>
            )}
          </section>
        </>
      )}
    </Page>
  );
}

function EntryFacts({ view }: { view: LedgerEntryView }) {
  const { t } = useTranslation('auditor');
  const { entry } = view;
  return (
    <section aria-labelledby="entry-facts">
      <h2 id="entry-facts">{t('entry.facts')}</h2>
      <dl className="facts">
        <dt>{t('entry.index')}</dt>
        <dd>{view.index}</dd>
        <dt>{t('entry.id')}</dt>
        <dd>
          <Hash value={entry.id} />
        </dd>
        <dt>{t('entry.occurredAt')}</dt>
        <dd>
          <DateTime iso={entry.occurredAt} />
        </dd>
        <dt>{t('entry.actor')}</dt>
        <dd>
          <ActorName actor={entry.actor} />
        </dd>
        <dt>{t('entry.action')}</dt>
        <dd>
          <Hash value={entry.action} />
        </dd>
        <dt>{t('entry.subject')}</dt>
        <dd>
          <Hash value={entry.subject} />
        </dd>
        <dt>{t('entry.related')}</dt>
        <dd>
          {entry.relatedSubjects.length === 0
            ? '—'
            : entry.relatedSubjects.map((related) => (
                <div key={related}>
                  <Hash value={related} />
                </div>
              ))}
        </dd>
        <dt>{t('entry.decision')}</dt>
        <dd>
          <StatusBadge status={entry.decision} />
        </dd>
        <dt>{t('entry.service')}</dt>
        <dd>{entry.service}</dd>
        <dt>{t('entry.streamVersion')}</dt>
        <dd>{entry.streamVersion}</dd>
        {entry.rulesVersion && (
          <>
            <dt>{t('entry.rulesVersion')}</dt>
            <dd>{entry.rulesVersion}</dd>
          </>
        )}
        <dt>{t('entry.correlationId')}</dt>
        <dd>
          <Hash value={entry.correlationId} />
        </dd>
      </dl>
    </section>
  );
}

function EntryChecks({ report, headTime }: { report: EntryReport; headTime: string }) {
  const { t } = useTranslation('auditor');
  const language = useLanguage();
  const { seal, leaf, inclusion } = report;
  return (
    <>
      <dl className="facts">
        <Check label={t('entry.seal')} ok={seal.ok}>
          {seal.ok ? t('entry.sealOk', { service: seal.signer.service, keyId: seal.signer.keyId, from: formatDateTime(seal.signer.validFrom, language) }) : `${seal.reason} — ${seal.message}`}
        </Check>
        <Check label={t('entry.leaf')} ok={leaf.matches}>
          {t('entry.leafDetail', { computed: leaf.computed, served: leaf.served })}
        </Check>
        <Check label={t('entry.headSigned')} ok={inclusion.headSigned}>
          {t('entry.inclusionDetail', { size: inclusion.treeSize, time: formatDateTime(headTime, language) })}
        </Check>
        <Check label={t('entry.proofForEntry')} ok={inclusion.proofForEntry} />
        <Check label={t('entry.inclusion')} ok={inclusion.proofValid} />
      </dl>
      <Verdict ok={report.verified}>{report.verified ? t('entry.ok') : t('entry.bad')}</Verdict>
    </>
  );
}
