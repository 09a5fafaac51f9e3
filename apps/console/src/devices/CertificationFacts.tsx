import { useTranslation } from 'react-i18next';
import { Section } from '../components/Section';
import { Day } from '../components/When';
import type { Certification } from './device-view';

/** The certification in force, or last in force (a suspended, revoked or expired product keeps its terms): what a prescription relies on. */
export function CertificationFacts({ certification }: { certification: Certification | null }) {
  const { t } = useTranslation('devices');
  return (
    <Section title={t('certification.title')}>
      {certification === null ? (
        <p>{t('certification.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('certification.lppCode')}</dt>
          <dd className="mono">{certification.lppCode}</dd>
          <dt>{t('certification.validFrom')}</dt>
          <dd>
            <Day value={certification.validFrom} />
          </dd>
          <dt>{t('certification.validUntil')}</dt>
          <dd>
            <Day value={certification.validUntil} />
          </dd>
          <dt>{t('certification.certifiedIndications')}</dt>
          <dd>{certification.certifiedIndications.map((code) => t(`common:indications.${code}`, { defaultValue: code })).join(', ')}</dd>
          <dt>{t('certification.evaluatorOrg')}</dt>
          <dd className="mono">{certification.evaluatorOrg}</dd>
        </dl>
      )}
    </Section>
  );
}
