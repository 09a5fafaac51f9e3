import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { DateTime } from '../../components/When';
import { keyIdOf } from '@app/audit/tree-head';
import { Hash } from './Hash';
import type { Signer } from './ledger-api';
import { signerState } from './signer-state';
import { useLedgerKey, useSigners, useTreeHead } from './use-ledger';

/** A served key id is believed only once it is recomputed from the key itself. */
function keyIdHolds(signer: Pick<Signer, 'keyId' | 'publicKeyPem'>): boolean {
  try {
    return keyIdOf(signer.publicKeyPem) === signer.keyId;
  } catch {
    return false;
  }
}

/**
 * Who seals the entries (each service's keys and their validity on the
 * platform clock) and the key that signs the tree heads. The registry is
 * not paged by the API: one table.
 */
export function SignersScreen() {
  const { t } = useTranslation('auditor');
  const signers = useSigners();
  const key = useLedgerKey();
  const head = useTreeHead();
  return (
    <Page title={t('signers.title')}>
      <section aria-labelledby="ledger-key">
        <h2 id="ledger-key">{t('signers.ledgerKey')}</h2>
        {key.isPending && <Busy />}
        <ErrorAlert error={key.error} />
        {key.data && (
          <dl className="facts">
            <dt>{t('signers.algorithm')}</dt>
            <dd>{key.data.algorithm}</dd>
            <dt>{t('signers.keyId')}</dt>
            <dd>
              <Hash value={key.data.keyId} />
            </dd>
            <dt>{t('signers.keyIdCheck')}</dt>
            <dd>
              <Holds ok={keyIdHolds(key.data)} />
            </dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="service-signers">
        <h2 id="service-signers">{t('nav.signers')}</h2>
        {signers.isPending && <Busy />}
        <ErrorAlert error={signers.error ?? head.error} />
        {signers.data && (
          <table>
            <caption>{t('signers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('signers.service')}</th>
                <th scope="col">{t('signers.keyId')}</th>
                <th scope="col">{t('signers.keyIdCheck')}</th>
                <th scope="col">{t('signers.validFrom')}</th>
                <th scope="col">{t('signers.validUntil')}</th>
                <th scope="col">{t('signers.state')}</th>
              </tr>
            </thead>
            <tbody>
              {signers.data.length === 0 && (
                <tr>
                  <td colSpan={6}>{t('common:none')}</td>
                </tr>
              )}
              {signers.data.map((signer) => (
                <tr key={`${signer.service}-${signer.keyId}`}>
                  <th scope="row">{signer.service}</th>
                  <td>
                    <Hash value={signer.keyId} />
                  </td>
                  <td>
                    <Holds ok={keyIdHolds(signer)} />
                  </td>
                  <td>
                    <DateTime iso={signer.validFrom} />
                  </td>
                  <td>{signer.validUntil ? <DateTime iso={signer.validUntil} /> : t('signers.noEnd')}</td>
                  <td>{head.data ? t(`signers.states.${signerState(signer, head.data.timestamp)}`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}

function Holds({ ok }: { ok: boolean }) {
  const { t } = useTranslation('auditor');
  return (
    <span className={ok ? 'verified' : 'not-verified'}>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      {ok ? t('verified') : t('notVerified')}
    </span>
  );
}
