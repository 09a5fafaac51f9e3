import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { DateTime, Period } from '../../components/When';
import type { Claim } from './claim-api';
import { reasonLabel } from './reason-label';
import { Section } from '../../components/Section';
import { useReasonCodes } from './use-claims';

/** What the claim bills and why: its month, billable days and tariff version, its amounts, and its rejection or payment. */
export function ClaimFacts({ claim: c }: { claim: Claim }) {
  const { t } = useTranslation('claims-processor');
  const reasons = useReasonCodes();
  return (
    <>
      <Section title={t('claim.facts')}>
        <dl className="facts">
          <dt>{t('claim.period')}</dt>
          <dd>
            <Period period={c.period} />
          </dd>
          <dt>{t('claim.billableDays')}</dt>
          <dd>{c.billableDays}</dd>
          <dt>{t('claim.tariffVersion')}</dt>
          <dd>{c.tariffVersion}</dd>
          {c.amoRatePercent !== undefined && (
            <>
              <dt>{t('claim.amoRate')}</dt>
              <dd>{t('claim.amoRateValue', { rate: c.amoRatePercent })}</dd>
            </>
          )}
          {c.indication && (
            <>
              <dt>{t('claim.indication')}</dt>
              <dd>{t(`common:indications.${c.indication}`, { defaultValue: c.indication })}</dd>
            </>
          )}
          <dt>{t('claim.prescription')}</dt>
          <dd className="mono">{c.prescriptionId}</dd>
          <dt>{t('claim.enrolment')}</dt>
          <dd className="mono">{c.enrolmentId}</dd>
          {c.correctionOf && (
            <>
              <dt>{t('claim.correctionOf')}</dt>
              <dd className="mono">{c.correctionOf}</dd>
            </>
          )}
        </dl>
      </Section>
      <Section title={t('claim.amounts')}>
        <dl className="facts">
          <dt>{t('claim.total')}</dt>
          <dd>
            <Money cents={c.totalCents} />
          </dd>
          <dt>{t('claim.amoShare')}</dt>
          <dd>
            <Money cents={c.amoShareCents} />
          </dd>
          <dt>{t('claim.patientShare')}</dt>
          <dd>
            <Money cents={c.patientShareCents} />
          </dd>
          {c.approvedCents !== undefined && (
            <>
              <dt>{t('claim.approved')}</dt>
              <dd>
                <Money cents={c.approvedCents} />
              </dd>
            </>
          )}
          {c.rejection && (
            <>
              <dt>{t('claim.rejection')}</dt>
              <dd>
                {t('claim.rejectionValue', {
                  reason: reasonLabel(t, c.rejection.reasonCode, reasons.data),
                  source: t(`sources.${c.rejection.source}`, { defaultValue: c.rejection.source }),
                })}
              </dd>
              {c.rejection.note && (
                <>
                  <dt>{t('claim.note')}</dt>
                  <dd>{c.rejection.note}</dd>
                </>
              )}
            </>
          )}
          {c.payment && (
            <>
              <dt>{t('claim.paymentReference')}</dt>
              <dd className="mono">{c.payment.reference}</dd>
              <dt>{t('claim.paidAt')}</dt>
              <dd>
                <DateTime iso={c.payment.paidAt} />
              </dd>
              {c.payment.amountCents !== undefined && (
                <>
                  <dt>{t('claim.paidAmount')}</dt>
                  <dd>
                    <Money cents={c.payment.amountCents} />
                  </dd>
                </>
              )}
            </>
          )}
        </dl>
      </Section>
    </>
  );
}
