import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import { CONNECTIVITIES, type Enrolment, TRANSMISSION_KINDS } from './enrolment-api';
import { Done, NamedForm, Section } from '../../components/Section';
import { emptyTransmissionRow, transmissionItems, type TransmissionRow } from './transmission-rows';
import { useEnrolmentApi, useEnrolmentWrite } from './use-enrolments';

/** The API takes at most this many items a batch. */
const MAX_ROWS = 1_000;

/**
 * What the device sent, reported by hand (the operator's platform sends the
 * same batches by machine): one or more transmissions, each with its time in
 * Paris, its network and its kind. The answer says how many were accepted.
 */
export function TransmissionsSection({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const language = useLanguage();
  const enrolments = useEnrolmentApi();
  const [rows, setRows] = useState<TransmissionRow[]>([emptyTransmissionRow()]);
  const report = useEnrolmentWrite(enrolment.id, () => enrolments.transmissions(enrolment.id, transmissionItems(rows, t('transmissions.badTime'))));
  const change = (index: number, patch: Partial<TransmissionRow>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Section title={t('transmissions.title')}>
      <p>{t('transmissions.intro')}</p>
      <NamedForm title={t('transmissions.report')} onSubmit={() => report.mutate(undefined)}>
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            // Rows are only appended or removed as a whole: the index is their identity while the form lives.
            <fieldset key={index}>
              <legend>{t('transmissions.row', { n })}</legend>
              <Field label={t('transmissions.at')} field={`items[${index}].at`} error={report.error}>
                <input type="datetime-local" value={row.at} onChange={(event) => change(index, { at: event.target.value })} required />
              </Field>
              <Field label={t('transmissions.network')} field={`items[${index}].network`} error={report.error}>
                <select value={row.network} onChange={(event) => change(index, { network: event.target.value })}>
                  {CONNECTIVITIES.map((network) => (
                    <option key={network} value={network}>
                      {t(`networks.${network}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('transmissions.kind')} field={`items[${index}].kind`} error={report.error}>
                <select value={row.kind} onChange={(event) => change(index, { kind: event.target.value })}>
                  {TRANSMISSION_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`transmissions.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {rows.length > 1 && (
                <p>
                  <button type="button" className="danger" onClick={() => setRows((current) => current.filter((_, i) => i !== index))}>
                    {t('transmissions.remove', { n })}
                  </button>
                </p>
              )}
            </fieldset>
          );
        })}
        <p>
          <button type="button" onClick={() => setRows((current) => [...current, emptyTransmissionRow(current[current.length - 1]?.network)])} disabled={rows.length >= MAX_ROWS}>
            {t('transmissions.add')}
          </button>
        </p>
        <ErrorAlert error={report.error} />
        {report.data && (
          <Done>
            {t('transmissions.reported', { count: report.data.accepted })}
            {report.data.latestAt && ` ${t('transmissions.latest', { at: formatDateTime(report.data.latestAt, language) })}`}
          </Done>
        )}
        <button type="submit" className="primary" disabled={report.isPending}>
          {t('transmissions.report')}
        </button>
      </NamedForm>
    </Section>
  );
}
