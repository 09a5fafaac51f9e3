import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../components/PagedTable';
import { DateTime } from '../../components/When';
import { Hash } from './Hash';
import type { SignedTreeHead } from './ledger-api';
import { treeHeadReport } from './tree-head-report';
import { LEDGER_KEYS, useLedger, useLedgerKey } from './use-ledger';

/** Past signed heads, paged, each signature verified here; two of them are chosen for a consistency check. */
export function PastTreeHeads({ onChoose }: { onChoose: (end: 'from' | 'to', size: number) => void }) {
  const { t } = useTranslation('auditor');
  const ledger = useLedger();
  const key = useLedgerKey();
  return (
    <section aria-labelledby="past-heads">
      <h2 id="past-heads">{t('treeHead.past')}</h2>
      <PagedTable<SignedTreeHead>
        caption={t('treeHead.pastCaption')}
        queryKey={LEDGER_KEYS.treeHeads}
        load={ledger.treeHeads}
        pageSize={10}
        rowKey={(head) => String(head.treeSize)}
        columns={[
          { header: t('treeHead.size'), cell: (head) => head.treeSize },
          { header: t('treeHead.time'), cell: (head) => <DateTime iso={head.timestamp} /> },
          { header: t('treeHead.root'), cell: (head) => <Hash value={head.rootHash} /> },
          {
            header: t('treeHead.signed'),
            cell: (head) => {
              if (!key.data) return '—';
              const ok = treeHeadReport(head, key.data).verified;
              return <span className={ok ? 'verified' : 'not-verified'}>{ok ? t('verified') : t('notVerified')}</span>;
            },
          },
          {
            header: t('treeHead.choose'),
            cell: (head) => (
              <span className="row-actions">
                <button type="button" aria-label={t('treeHead.asFromLabel', { size: head.treeSize })} onClick={() => onChoose('from', head.treeSize)}>
                  {t('treeHead.asFrom')}
                </button>{' '}
                <button type="button" aria-label={t('treeHead.asToLabel', { size: head.treeSize })} onClick={() => onChoose('to', head.treeSize)}>
                  {t('treeHead.asTo')}
                </button>
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
