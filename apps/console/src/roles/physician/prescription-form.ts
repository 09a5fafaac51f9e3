import type { HomeCoverage, Indication, MonitoringMode, PrescriptionView } from './api-types';
import { CLINICAL_FIELDS, clinicalValue } from './clinical-fields';

/** The prescription form as its controls hold it: text, as typed. */
export interface PrescriptionForm {
  patient: {
    nir: string;
    birthDate: string;
    familyName: string;
    givenNames: string;
    sex: string;
    homeCellularCoverage: HomeCoverage;
    ald: boolean;
  };
  indication: Indication;
  deviceId: string;
  operatorOrg: string;
  monitoringMode: MonitoringMode;
  durationMonths: string;
  /** Every indication's fields by name; only the chosen indication's are sent. */
  clinical: Record<string, string>;
}

export function emptyForm(): PrescriptionForm {
  return {
    patient: { nir: '', birthDate: '', familyName: '', givenNames: '', sex: '', homeCellularCoverage: 'UNKNOWN', ald: false },
    indication: 'HEART_FAILURE',
    deviceId: '',
    operatorOrg: '',
    monitoringMode: 'PERIODIC',
    durationMonths: '6',
    clinical: {},
  };
}

const known = (value: string | undefined): string => (value && value !== 'erased' ? value : '');

/**
 * The form of a renewal, from the prescription it renews: its patient,
 * device, indication and operator are kept (API.md); the clinical data is not
 * part of a prescription's resource, so it is documented again, as it stands today.
 */
export function renewalForm(renewed: PrescriptionView): PrescriptionForm {
  const { patient } = renewed;
  return {
    patient: {
      nir: known(patient.nir),
      birthDate: known(patient.birthDate),
      familyName: known(patient.familyName),
      givenNames: known(patient.givenNames),
      sex: known(patient.sex),
      homeCellularCoverage: patient.homeCellularCoverage,
      ald: patient.ald,
    },
    indication: renewed.indication,
    deviceId: renewed.device.id,
    operatorOrg: renewed.operatorOrg,
    monitoringMode: renewed.monitoringMode,
    durationMonths: String(renewed.durationMonths),
    clinical: {},
  };
}

/** Enough of the form for the referential to say something useful (else the dry run only lists missing fields). */
export function readyToEvaluate(form: PrescriptionForm): boolean {
  return Boolean(form.patient.nir.trim() && form.patient.birthDate && form.deviceId && form.operatorOrg.trim() && form.durationMonths.trim());
}

/**
 * The body of `POST /v1/prescriptions` (and of its dry run): optional fields
 * left out when empty, numbers typed as numbers, and what does not read as
 * its type sent as typed, for the API to name the field.
 */
export function requestBody(
  form: PrescriptionForm,
  extras: { renewalOf?: string; overrides?: { ruleId: string; justification: string }[] } = {},
): Record<string, unknown> {
  const { patient } = form;
  const optional = (name: string, value: string) => (value.trim() ? { [name]: value.trim() } : {});
  const clinical = Object.fromEntries(
    CLINICAL_FIELDS[form.indication].flatMap((field) => {
      const value = clinicalValue(field, form.clinical[field.name] ?? '');
      return value === undefined ? [] : [[field.name, value]];
    }),
  );
  const duration = form.durationMonths.trim();
  return {
    patient: {
      nir: patient.nir.replace(/\s+/g, ''),
      birthDate: patient.birthDate,
      homeCellularCoverage: patient.homeCellularCoverage,
      ald: patient.ald,
      ...optional('familyName', patient.familyName),
      ...optional('givenNames', patient.givenNames),
      ...optional('sex', patient.sex),
    },
    deviceId: form.deviceId,
    indication: form.indication,
    operatorOrg: form.operatorOrg.trim(),
    monitoringMode: form.monitoringMode,
    durationMonths: /^\d+$/.test(duration) ? Number(duration) : duration,
    clinical,
    ...(extras.renewalOf ? { renewalOf: extras.renewalOf } : {}),
    ...(extras.overrides && extras.overrides.length > 0 ? { overrides: extras.overrides } : {}),
  };
}
