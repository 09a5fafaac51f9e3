import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../components/Section';
import type { DeviceView } from './device-view';

/** What the vendor declared of its product, as the evaluator judges it and the vendor reads it back: every field, a blank one said to be blank. */
export function DeviceDeclaration({ device }: { device: DeviceView }) {
  const { t } = useTranslation('devices');
  const given = (value: string | undefined): ReactNode => (value ? value : <em>{t('declaration.notGiven')}</em>);
  const company = (party: { siret: string; name: string }) => (
    <>
      {party.name} <span className="mono">({t('declaration.siret', { siret: party.siret })})</span>
    </>
  );
  const fact = (label: string, value: ReactNode) => (
    <>
      <dt>{t(`declaration.${label}`)}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <Section title={t('declaration.title')}>
      <dl className="facts">
        {fact('model', device.model)}
        {fact('udiDi', <code className="mono">{device.udiDi}</code>)}
        {fact('manufacturer', company(device.manufacturer))}
        {fact('exploitant', device.exploitant ? company(device.exploitant) : company(device.manufacturer))}
        {fact('ceClass', device.ceClass)}
        {fact('notifiedBodyCertificate', given(device.notifiedBodyCertificate))}
        {fact('indications', device.indications.map((code) => t(`common:indications.${code}`, { defaultValue: code })).join(', '))}
        {fact('connectivity', device.connectivity.map((code) => t(`connectivity.${code}`, { defaultValue: code })).join(', '))}
        {fact('storage', t(`storage.${device.dataHosting.storage}`, { defaultValue: device.dataHosting.storage }))}
        {fact('hdsCertificateId', given(device.dataHosting.hdsCertificateId))}
        {fact('etsiEn303645', device.security.etsiEn303645 ? t('common:yes') : t('common:no'))}
        {fact('penTestReportRef', given(device.security.penTestReportRef))}
        {(device.fhirProfiles ?? []).length > 0 && fact('fhirProfiles', (device.fhirProfiles ?? []).join(', '))}
      </dl>
    </Section>
  );
}
