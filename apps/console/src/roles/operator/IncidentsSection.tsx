import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { DateTime } from '../../components/When';
import { formatDateTime } from '../../format/dates';
import { useLanguage } from '../../i18n/use-language';
import { type Enrolment, type Incident, INCIDENT_CAUSES } from './enrolment-api';
import { incidentChange } from './incident-change';
import { Done, NamedForm, Section } from '../../components/Section';
import { useEnrolmentApi, useEnrolmentWrite } from './use-enrolments';
import { wallTimeToInstant } from './wall-time';

/**
 * The enrolment's connectivity incidents with their cause and the party that
 * answers for them (DOMAIN.md "Responsibility": it follows the cause), those
 * the platform found in a silence and those the operator reported; a form to
 * report one, and one to close an incident or name its cause once investigated.
 */
export function IncidentsSection({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation('operator');
  const { incidents } = enrolment;
  return (
    <Section title={t('incidents.title')}>
      <table>
        <caption>{t('incidents.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidents.startedAt')}</th>
            <th scope="col">{t('incidents.endedAt')}</th>
            <th scope="col">{t('incidents.cause')}</th>
            <th scope="col">{t('incidents.responsibleParty')}</th>
            <th scope="col">{t('incidents.openedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {incidents.length === 0 && (
            <tr>
              <td colSpan={5}>{t('common:none')}</td>
            </tr>
          )}
          {incidents.map((incident) => (
            <tr key={incident.incidentId}>
              <td>
                <DateTime iso={incident.startedAt} />
              </td>
              <td>{incident.endedAt ? <DateTime iso={incident.endedAt} /> : t('incidents.ongoing')}</td>
              <td>{t(`causes.${incident.cause}`, { defaultValue: incident.cause })}</td>
              <td>{t(`parties.${incident.responsibleParty}`, { defaultValue: incident.responsibleParty })}</td>
              <td>{t(`incidents.openers.${incident.openedBy}`, { defaultValue: incident.openedBy })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {enrolment.activatedAt && enrolment.status !== 'ENDED' && <OpenIncidentForm enrolmentId={enrolment.id} />}
      {incidents.length > 0 && <UpdateIncidentForm enrolmentId={enrolment.id} incidents={incidents} />}
    </Section>
  );
}

function CauseOptions() {
  const { t } = useTranslation('operator');
  return (
    <>
      {INCIDENT_CAUSES.map((cause) => (
        <option key={cause} value={cause}>
          {t(`causes.${cause}`)}
        </option>
      ))}
    </>
  );
}

function OpenIncidentForm({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation('operator');
  const enrolments = useEnrolmentApi();
  const [startedAt, setStartedAt] = useState('');
  const [endedAt, setEndedAt] = useState('');
  const [cause, setCause] = useState('UNKNOWN');
  const open = useEnrolmentWrite(enrolmentId, () => {
    const start = wallTimeToInstant(startedAt, 'startedAt', t('incidents.open.badStart'), true)!;
    const end = wallTimeToInstant(endedAt, 'endedAt', t('incidents.open.badEnd'));
    return enrolments.openIncident(enrolmentId, { startedAt: start, ...(end ? { endedAt: end } : {}), cause });
  });
  return (
    <NamedForm title={t('incidents.open.title')} onSubmit={() => open.mutate(undefined)}>
      <Field label={t('incidents.open.startedAt')} field="startedAt" error={open.error}>
        <input type="datetime-local" value={startedAt} onChange={(event) => setStartedAt(event.target.value)} required />
      </Field>
      <Field label={t('incidents.open.endedAt')} field="endedAt" error={open.error}>
        <input type="datetime-local" value={endedAt} onChange={(event) => setEndedAt(event.target.value)} />
      </Field>
      <Field label={t('incidents.open.cause')} field="cause" error={open.error}>
        <select value={cause} onChange={(event) => setCause(event.target.value)}>
          <CauseOptions />
        </select>
      </Field>
      <ErrorAlert error={open.error} />
      {open.data && <Done>{t('incidents.open.done', { party: t(`parties.${open.data.responsibleParty}`, { defaultValue: open.data.responsibleParty }) })}</Done>}
      <button type="submit" className="primary" disabled={open.isPending}>
        {t('incidents.open.submit')}
      </button>
    </NamedForm>
  );
}

function UpdateIncidentForm({ enrolmentId, incidents }: { enrolmentId: string; incidents: Incident[] }) {
  const { t } = useTranslation('operator');
  const language = useLanguage();
  const enrolments = useEnrolmentApi();
  // The latest incident first: the one most often being investigated.
  const [chosenId, setChosenId] = useState(incidents[incidents.length - 1].incidentId);
  const chosen = incidents.find((incident) => incident.incidentId === chosenId) ?? incidents[incidents.length - 1];
  const [cause, setCause] = useState<string>(chosen.cause);
  const [endedAt, setEndedAt] = useState('');
  const update = useEnrolmentWrite(enrolmentId, () =>
    enrolments.updateIncident(enrolmentId, chosen.incidentId, incidentChange(chosen, { cause, endedAt }, { badTime: t('incidents.update.badEnd'), nothingChanged: t('incidents.update.nothingChanged') })),
  );
  const choose = (id: string) => {
    setChosenId(id);
    setCause(incidents.find((incident) => incident.incidentId === id)?.cause ?? 'UNKNOWN');
    setEndedAt('');
  };
  return (
    <NamedForm title={t('incidents.update.title')} onSubmit={() => update.mutate(undefined)}>
      <Field label={t('incidents.update.incident')}>
        <select value={chosen.incidentId} onChange={(event) => choose(event.target.value)}>
          {[...incidents].reverse().map((incident) => (
            <option key={incident.incidentId} value={incident.incidentId}>
              {t('incidents.update.incidentOption', { from: formatDateTime(incident.startedAt, language), cause: t(`causes.${incident.cause}`, { defaultValue: incident.cause }) })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('incidents.update.cause')} field="cause" error={update.error}>
        <select value={cause} onChange={(event) => setCause(event.target.value)}>
          <CauseOptions />
        </select>
      </Field>
      {!chosen.endedAt && (
        <Field label={t('incidents.update.endedAt')} field="endedAt" error={update.error}>
          <input type="datetime-local" value={endedAt} onChange={(event) => setEndedAt(event.target.value)} />
        </Field>
      )}
      <ErrorAlert error={update.error} />
      {update.data && (
        <Done>
          {t('incidents.update.done', {
            cause: t(`causes.${update.data.cause}`, { defaultValue: update.data.cause }),
            party: t(`parties.${update.data.responsibleParty}`, { defaultValue: update.data.responsibleParty }),
          })}
        </Done>
      )}
      <button type="submit" className="primary" disabled={update.isPending}>
        {t('incidents.update.submit')}
      </button>
    </NamedForm>
  );
}
