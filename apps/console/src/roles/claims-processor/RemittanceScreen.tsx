import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { Page } from '../../components/Page';
import { DateTime, Period } from '../../components/When';
import { CLAIMS_KEYS } from './claim-api';
import { Section } from '../../components/Section';
import { useClaimApi } from './use-claims';

/** One remittance advice: whom it paid, when, under which reference, and each claim's lines with the AMO share paid for each. */
export function RemittanceScreen() {
  const { t } = useTranslation('claims-processor');
  const { id = '' } = useParams();
  const claims = useClaimApi();
  const query = useQuery({ queryKey: CLAIMS_KEYS.remittance(id), queryFn: () => claims.remittance(id) });
  const remittance = query.data;
  return (
    <Page title={t('remittance.title')}>
      <p>
        <Link to="/claims/remittances">{t('remittance.back')}</Link>
      </p>
      {query.isPending && <Busy />}
      <ErrorAlert error={query.error} />
      {remittance && (
        <>
          <Section title={t('remittance.facts')}>
            <dl className="facts">
              <dt>{t('remittance.reference')}</dt>
              <dd className="mono">{remittance.reference}</dd>
              <dt>{t('remittance.payee')}</dt>
              <dd className="mono">{remittance.payee}</dd>
              <dt>{t('remittance.paidAt')}</dt>
              <dd>
                <DateTime iso={remittance.paidAt} />
              </dd>
              <dt>{t('remittance.total')}</dt>
              <dd>
                <Money cents={remittance.totalCents} />
              </dd>
            </dl>
          </Section>
          <Section title={t('remittance.claims')}>
            <table>
              <caption>{t('remittance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('remittance.claim')}</th>
                  <th scope="col">{t('remittance.period')}</th>
                  <th scope="col">{t('remittance.kind')}</th>
                  <th scope="col">{t('remittance.code')}</th>
                  <th scope="col">{t('remittance.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {remittance.claims.flatMap((claim) => [
                  ...claim.lines.map((line) => (
                    <tr key={`${claim.claimId}-${line.kind}-${line.code}`}>
                      <td>
                        <Link to={`/claims/claim/${claim.claimId}`} className="mono">
                          {claim.claimId}
                        </Link>
                      </td>
                      <td>{claim.period ? <Period period={claim.period} /> : '—'}</td>
                      <td>{t(`kinds.${line.kind}`, { defaultValue: line.kind })}</td>
                      <td className="mono">{line.code}</td>
                      <td>
                        <Money cents={line.amountCents} />
                      </td>
                    </tr>
                  )),
                  <tr key={`${claim.claimId}-total`}>
                    <th scope="row" colSpan={4}>
                      {t('remittance.claimTotal')}
                    </th>
                    <td>
                      <Money cents={claim.amountCents} />
                    </td>
                  </tr>,
                ])}
              </tbody>
            </table>
          </Section>
        </>
      )}
    </Page>
  );
}
