import { useTranslation } from 'react-i18next';
import { Day } from '../../components/When';
import { useLanguage } from '../../i18n/use-language';
import type { Enrolment } from './enrolment-api';
import { observanceRows } from './observance-rows';
import { Section } from '../../components/Section';

/** The observance of the first two months: days with data over days elapsed, as a percentage, and whether it falls below 50 %. */
export function ObservanceSection({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const language = useLanguage();
  const rows = observanceRows(enrolment.observance ?? [], language);
  return (
    <Section title={t('observance.title')}>
      <p>{t('observance.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('observance.none')}</p>
      ) : (
        <table>
          <caption>{t('observance.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('observance.month')}</th>
              <th scope="col">{t('observance.from')}</th>
              <th scope="col">{t('observance.to')}</th>
              <th scope="col">{t('observance.daysWithData')}</th>
              <th scope="col">{t('observance.days')}</th>
              <th scope="col">{t('observance.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{t(`observance.months.${row.month}`, { defaultValue: String(row.month) })}</th>
                <td>
                  <Day value={row.from} />
                </td>
                <td>
                  <Day value={row.to} />
                </td>
                <td>{row.daysWithData}</td>
                <td>{row.days}</td>
                <td className={row.low ? 'not-verified' : undefined}>
                  {row.percent} — {row.low ? t('observance.low') : t('observance.ok')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
