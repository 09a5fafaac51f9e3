import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateTime } from '../../components/When';
import { Hash } from './Hash';
import { treeHeadReport } from './tree-head-report';
import { useLedgerKey, useTreeHead } from './use-ledger';
import { Check, Verdict } from './Verdict';

/** The current signed tree head and its signature, verified here against the ledger key. */
export function CurrentTreeHead() {
  const { t } = useTranslation('auditor');
  const head = useTreeHead();
  const key = useLedgerKey();
  const report = head.data && key.data ? treeHeadReport(head.data, key.data) : undefined;
  return (
    <section aria-labelledby="current-head">
      <h2 id="current-head">{t('treeHead.current')}</h2>
      {(head.isPending || key.isPending) && <Busy />}
      <ErrorAlert error={head.error ?? key.error} />
      {head.data && key.data && report && (
        <>
          <dl className="facts">
            <dt>{t('treeHead.size')}</dt>
            <dd>{t('treeHead.entries', { count: head.data.treeSize })}</dd>
            <dt>{t('treeHead.root')}</dt>
            <dd>
              <Hash value={head.data.rootHash} />
            </dd>
            <dt>{t('treeHead.time')}</dt>
            <dd>
              <DateTime iso={head.data.timestamp} />
            </dd>
            <dt>{t('treeHead.ledgerKey')}</dt>
            <dd>
              {key.data.algorithm} <Hash value={key.data.keyId} />
            </dd>
            <dt>{t('treeHead.signature')}</dt>
            <dd>
              <Hash value={head.data.signature} />
            </dd>
            <Check label={t('treeHead.keyIdComputed')} ok={report.keyIdMatchesKey} />
            <Check label={t('treeHead.headNamesKey')} ok={report.headNamesKey} />
            <Check label={t('treeHead.signatureCheck')} ok={report.signatureValid} />
          </dl>
          <Verdict ok={report.verified}>{report.verified ? t('treeHead.ok') : t('treeHead.bad')}</Verdict>
          <p>
            <button type="button" onClick={() => void head.refetch()} disabled={head.isFetching}>
              {t('common:refresh')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
