import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { DateTime } from '../../components/When';
import { consistencyReport, orderedSizes } from './consistency-report';
import { findTreeHead } from './find-tree-head';
import { Hash } from './Hash';
import { MAX_PAGE_SIZE, type SignedTreeHead } from './ledger-api';
import { useLedger, useLedgerKey } from './use-ledger';
import { Check, Verdict } from './Verdict';

export interface SizePair {
  from: string;
  to: string;
}

/** A refusal of the console itself (not the API's): said in the same alert. */
class LookupError extends Error {}

const asSize = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * Two sizes (chosen among the past heads or typed), their signed heads looked
 * up, the consistency proof between them fetched and checked here against
 * the two signed roots.
 */
export function ConsistencyCheck({ sizes, onSizes }: { sizes: SizePair; onSizes: (sizes: SizePair) => void }) {
  const { t } = useTranslation('auditor');
  const ledger = useLedger();
  const key = useLedgerKey();
  const [progress, setProgress] = useState<{ read: number; pages: number }>();
  const check = useMutation({
    mutationFn: async ({ from: a, to: b }: { from: number; to: number }) => {
      if (!key.data) throw new LookupError(t('common:loading'));
      const { from, to } = orderedSizes(a, b);
      const lookup = async (size: number): Promise<SignedTreeHead> => {
        const head = await findTreeHead(size, ledger.treeHeads, MAX_PAGE_SIZE, (read, pages) => setProgress({ read, pages }));
        if (!head) throw new LookupError(t('consistency.noHead', { size }));
        return head;
      };
      const older = await lookup(from);
      const newer = await lookup(to);
      const proof = await ledger.consistencyProof(from, to);
      return { older, newer, proof, report: consistencyReport(older, newer, proof, key.data) };
    },
    onSettled: () => setProgress(undefined),
  });
  const [typo, setTypo] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = asSize(sizes.from);
    const to = asSize(sizes.to);
    setTypo(from === null || to === null);
    if (from !== null && to !== null) check.mutate({ from, to });
  };
  const result = check.data;
  return (
    <section aria-labelledby="consistency">
      <h2 id="consistency">{t('consistency.title')}</h2>
      <p>{t('consistency.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('consistency.from')} field="from" error={check.error}>
          <input type="number" min={0} step={1} inputMode="numeric" value={sizes.from} onChange={(e) => onSizes({ ...sizes, from: e.target.value })} />
        </Field>
        <Field label={t('consistency.to')} field="to" error={check.error}>
          <input type="number" min={0} step={1} inputMode="numeric" value={sizes.to} onChange={(e) => onSizes({ ...sizes, to: e.target.value })} />
        </Field>
        <button type="submit" className="primary" disabled={check.isPending || !key.data}>
          {t('consistency.submit')}
        </button>
      </form>
      {typo && (
        <p role="alert" className="alert alert-error">
          {t('consistency.notASize')}
        </p>
      )}
      {check.isPending && <Busy label={t('consistency.searching')} value={progress?.read} max={progress?.pages} />}
      <ErrorAlert error={check.error} />
      {result && !check.isPending && (
        <>
          <dl className="facts">
            <HeadFacts label={t('consistency.fromHead', { size: result.older.treeSize })} head={result.older} />
            <HeadFacts label={t('consistency.toHead', { size: result.newer.treeSize })} head={result.newer} />
            <Check label={t('consistency.fromSigned')} ok={result.report.fromHeadSigned} />
            <Check label={t('consistency.toSigned')} ok={result.report.toHeadSigned} />
            <Check label={t('consistency.proofForHeads')} ok={result.report.proofForHeads} />
            <Check label={t('consistency.proofValid')} ok={result.report.proofValid}>
              {t('consistency.pathLength', { count: result.proof.path.length })}
            </Check>
          </dl>
          <Verdict ok={result.report.verified}>
            {t(result.report.verified ? 'consistency.ok' : 'consistency.bad', { from: result.report.from, to: result.report.to })}
          </Verdict>
        </>
      )}
    </section>
  );
}

function HeadFacts({ label, head }: { label: string; head: SignedTreeHead }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <DateTime iso={head.timestamp} /> — <Hash value={head.rootHash} />
      </dd>
    </>
  );
}
