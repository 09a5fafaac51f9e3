import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { ConsistencyCheck, type SizePair } from './ConsistencyCheck';
import { CurrentTreeHead } from './CurrentTreeHead';
import { PastTreeHeads } from './PastTreeHeads';

/** The auditor's home: the signed tree head verified, past heads, and a consistency check between two of them. */
export function TreeHeadScreen() {
  const { t } = useTranslation('auditor');
  const [sizes, setSizes] = useState<SizePair>({ from: '', to: '' });
  return (
    <Page title={t('treeHead.title')}>
      <p>{t('inBrowser')}</p>
      <CurrentTreeHead />
      <PastTreeHeads onChoose={(end, size) => setSizes((current) => ({ ...current, [end]: String(size) }))} />
      <ConsistencyCheck sizes={sizes} onSizes={setSizes} />
    </Page>
  );
}
