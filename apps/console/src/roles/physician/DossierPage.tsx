import type { LiabilityDossier, Signer } from '@app/audit';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../auth/session';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { DateTime } from '../../components/When';
import { formatDateTime } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import { checkDossier, type DossierCheck } from './dossier-check';

/** The ledger builds a prescription's dossier from entries that arrive within seconds of the step: polled while it answers 404. */
const DOSSIER_POLL_MS = 2_000;

/**
 * A prescription's liability dossier: who did what and when, the texts
 * disclosed to the prescriber, and a check of the whole dossier run here, in
 * the browser, against the ledger's key and signer registry fetched apart.
 */
export function DossierPage() {
  const { t } = useTranslation('physician');
  const { id = '' } = useParams();
  const api = useApi();
  const dossier = useQuery({
    queryKey: ['physician', 'dossier', id],
    queryFn: () => api.get<LiabilityDossier>(`/v1/liability/prescriptions/${id}`),
    refetchInterval: (query) => (query.state.error instanceof ApiError && query.state.error.status === 404 ? DOSSIER_POLL_MS : false),
  });
  // The trusted key and the registry come from the ledger's own endpoints, never from the dossier being checked.
  const publicKey = useQuery({ queryKey: ['physician', 'ledger', 'public-key'], queryFn: () => api.get<{ keyId: string; publicKeyPem: string }>('/v1/ledger/public-key') });
  const signers = useQuery({ queryKey: ['physician', 'ledger', 'signers'], queryFn: () => api.get<{ items: Signer[] }>('/v1/ledger/signers') });
  const pending = dossier.error instanceof ApiError && dossier.error.status === 404;
  const d = dossier.data;
  return (
    <Page title={t('dossier.title')}>
      <p>{t('dossier.intro')}</p>
      <p>
        {t('dossier.prescription')} : <Link to={`/physician/prescriptions/${id}`}>{id}</Link>
      </p>
      {dossier.isPending && <Busy />}
      {pending ? <Busy label={t('dossier.pending')} /> : <ErrorAlert error={dossier.error} />}
      {d && (
        <>
          <h2>{t('dossier.facts')}</h2>
          <dl className="facts">
            <dt>{t('dossier.treeSize')}</dt>
            <dd>{d.treeHead.treeSize}</dd>
            <dt>{t('dossier.treeHeadAt')}</dt>
            <dd>
              <DateTime iso={String(d.treeHead.timestamp)} />
            </dd>
            <dt>{t('dossier.keyId')}</dt>
            <dd className="mono">{d.treeHead.keyId}</dd>
          </dl>
          <section aria-labelledby="verify-title">
            <h2 id="verify-title">{t('dossier.verifyTitle')}</h2>
            <p>{t('dossier.verifyIntro')}</p>
            <ErrorAlert error={publicKey.error ?? signers.error} />
            {publicKey.data && signers.data ? (
              <Verification key={dossier.dataUpdatedAt} dossier={d} publicKeyPem={publicKey.data.publicKeyPem} signers={signers.data.items} />
            ) : (
              !publicKey.error && !signers.error && <Busy label={t('dossier.keysLoading')} />
            )}
          </section>
          <Summary dossier={d} />
          <Disclosures dossier={d} />
        </>
      )}
    </Page>
  );
}

function Verification({ dossier, publicKeyPem, signers }: { dossier: LiabilityDossier; publicKeyPem: string; signers: Signer[] }) {
  const { t } = useTranslation('physician');
  const language = useLanguage();
  const [running, setRunning] = useState(false);
  const [check, setCheck] = useState<DossierCheck>();
  const verify = () => {
    setRunning(true);
    setCheck(undefined);
    // Let the progress show before the hashing and signature checks take the main thread.
    setTimeout(() => {
      setCheck(checkDossier(dossier, publicKeyPem, signers));
      setRunning(false);
    }, 0);
  };
  return (
    <>
      <button type="button" className="primary" onClick={verify} disabled={running}>
        {t('dossier.verify')}
      </button>
      {running && <Busy label={t('dossier.verifying')} />}
      {check?.ok === true && (
        <div role="status" className="alert alert-ok">
          <p className="verified">✓ {t('dossier.verified')}</p>
          <p>
            {t('dossier.verifiedCounts', { entries: check.entries, streams: check.streams, treeSize: check.treeSize, at: formatDateTime(check.treeHeadAt, language) })}
          </p>
          {check.texts && <p>{t('dossier.texts', check.texts)}</p>}
        </div>
      )}
      {check?.ok === false && (
        <div role="alert" className="alert alert-error">
          <p className="not-verified">✗ {t('dossier.notVerified')}</p>
          {check.failedEntry && <p>{t('dossier.failedEntry', { index: check.failedEntry.index, id: check.failedEntry.entryId })}</p>}
          <p>{t('dossier.failures', { count: check.failures.length })}</p>
          <ul>
            {check.failures.map((failure, i) => (
              <li key={i} className="mono">
                {failure}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function Summary({ dossier }: { dossier: LiabilityDossier }) {
  const { t } = useTranslation('physician');
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('dossier.summary')}</h2>
      <table>
        <caption>{t('dossier.summaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dossier.step')}</th>
            <th scope="col">{t('dossier.party')}</th>
            <th scope="col">{t('dossier.actor')}</th>
            <th scope="col">{t('dossier.at')}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.summary.map((line) => (
            <tr key={`${line.index}-${line.step}`}>
              <th scope="row">
                <code>{line.step}</code> ({line.decision})
              </th>
              <td>{t(`parties.${line.party}`, { defaultValue: line.party })}</td>
              <td>
                <span className="mono">{line.actor.id}</span> ({t(`parties.${line.actor.role}`, { defaultValue: line.actor.role })})
              </td>
              <td>
                <DateTime iso={line.at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Disclosures({ dossier }: { dossier: LiabilityDossier }) {
  const { t } = useTranslation('physician');
  const disclosures = dossier.disclosures ?? [];
  return (
    <section aria-labelledby="disclosures-title">
      <h2 id="disclosures-title">{t('dossier.disclosures')}</h2>
      {disclosures.length === 0 ? (
        <p>{t('dossier.noDisclosure')}</p>
      ) : (
        <table>
          <caption>{t('dossier.disclosuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dossier.entry')}</th>
              <th scope="col">{t('dossier.path')}</th>
              <th scope="col">{t('dossier.text')}</th>
            </tr>
          </thead>
          <tbody>
            {disclosures.map((disclosure) => (
              <tr key={`${disclosure.index}-${disclosure.path}`}>
                <th scope="row">{disclosure.index}</th>
                <td className="mono">{disclosure.path}</td>
                <td>{'erased' in disclosure && disclosure.erased ? t('dossier.erased') : disclosure.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
