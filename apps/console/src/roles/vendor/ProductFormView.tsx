import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { CE_CLASSES, CONNECTIVITIES, DATA_STORAGES, INDICATIONS, type CeClass, type DataStorage } from '../../devices/device-view';
import type { ProductForm } from './product-form';

/**
 * The whole declaration of a product (API.md `POST /v1/devices`), to register
 * or to edit it. The browser's own checks are off (`noValidate`): the API
 * judges, and its 400 puts each message beside the field it names.
 */
export function ProductFormView({
  initial,
  onSubmit,
  error,
  pending,
  submitLabel,
}: {
  initial: ProductForm;
  onSubmit: (form: ProductForm) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation('vendor');
  const [form, setForm] = useState(initial);
  const set = <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const text = (key: keyof ProductForm) => ({
    value: form[key] as string,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as never),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{t('form.optionalNote')}</p>
      <fieldset>
        <legend>{t('form.product')}</legend>
        <Field label={t('form.name')} field="name" error={error}>
          <input type="text" required autoComplete="off" {...text('name')} />
        </Field>
        <Field label={t('form.model')} field="model" error={error}>
          <input type="text" required autoComplete="off" {...text('model')} />
        </Field>
        <Field label={t('form.udiDi')} field="udiDi" error={error} hint={t('form.udiDiHint')}>
          <input type="text" required autoComplete="off" inputMode="numeric" className="mono" {...text('udiDi')} />
        </Field>
        <Field label={t('form.ceClass')} field="ceClass" error={error}>
          <select required value={form.ceClass} onChange={(event) => set('ceClass', event.target.value as CeClass | '')}>
            <option value="">{t('form.choose')}</option>
            {CE_CLASSES.map((ceClass) => (
              <option key={ceClass} value={ceClass}>
                {t('form.ceClassOption', { ceClass })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('form.notifiedBodyCertificate')} field="notifiedBodyCertificate" error={error} hint={t('form.notifiedBodyHint')}>
          <input type="text" autoComplete="off" {...text('notifiedBodyCertificate')} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('form.manufacturer')}</legend>
        <Field label={t('form.manufacturerSiret')} field="manufacturer.siret" error={error} hint={t('form.siretHint')}>
          <input type="text" required autoComplete="off" inputMode="numeric" className="mono" {...text('manufacturerSiret')} />
        </Field>
        <Field label={t('form.manufacturerName')} field="manufacturer.name" error={error}>
          <input type="text" required autoComplete="organization" {...text('manufacturerName')} />
        </Field>
      </fieldset>

      <CheckboxGroup
        legend={t('form.indications')}
        options={INDICATIONS}
        selected={form.indications}
        onChange={(indications) => set('indications', indications)}
        labelOf={(code) => t(`common:indications.${code}`, { defaultValue: code })}
        field="indications"
        error={error}
      />
      <CheckboxGroup
        legend={t('form.connectivity')}
        options={CONNECTIVITIES}
        selected={form.connectivity}
        onChange={(connectivity) => set('connectivity', connectivity)}
        labelOf={(code) => t(`devices:connectivity.${code}`, { defaultValue: code })}
        field="connectivity"
        error={error}
      />

      <fieldset>
        <legend>{t('form.dataHosting')}</legend>
        <Field label={t('form.storage')} field="dataHosting.storage" error={error}>
          <select required value={form.storage} onChange={(event) => set('storage', event.target.value as DataStorage | '')}>
            <option value="">{t('form.choose')}</option>
            {DATA_STORAGES.map((storage) => (
              <option key={storage} value={storage}>
                {t(`devices:storage.${storage}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('form.hdsCertificateId')} field="dataHosting.hdsCertificateId" error={error} hint={t('form.hdsHint')}>
          <input type="text" autoComplete="off" {...text('hdsCertificateId')} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('form.security')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.etsiEn303645} onChange={(event) => set('etsiEn303645', event.target.checked)} />
          {t('form.etsiEn303645')}
        </label>
        <Field label={t('form.penTestReportRef')} field="security.penTestReportRef" error={error}>
          <input type="text" autoComplete="off" {...text('penTestReportRef')} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('form.exploitant')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.hasExploitant} onChange={(event) => set('hasExploitant', event.target.checked)} />
          {t('form.hasExploitant')}
        </label>
        {form.hasExploitant && (
          <>
            <Field label={t('form.exploitantSiret')} field="exploitant.siret" error={error} hint={t('form.siretHint')}>
              <input type="text" required autoComplete="off" inputMode="numeric" className="mono" {...text('exploitantSiret')} />
            </Field>
            <Field label={t('form.exploitantName')} field="exploitant.name" error={error}>
              <input type="text" required autoComplete="off" {...text('exploitantName')} />
            </Field>
          </>
        )}
      </fieldset>

      <ErrorAlert error={error} />
      {pending && <Busy label={t('common:working')} />}
      <button type="submit" className="primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
