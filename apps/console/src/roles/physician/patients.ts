import type { PrescriptionView } from './api-types';

export interface PatientSummary {
  pseudonym: string;
  /** "FAMILY Given", or the NIR when the prescriber gave no name, or the pseudonym once erased. */
  name: string;
  nir?: string;
  birthDate?: string;
  /** Newest first (by start date, then issue time). */
  prescriptions: PrescriptionView[];
}

const known = (value: string | undefined): string | undefined => (value && value !== 'erased' ? value : undefined);

/** How a prescriber names a patient on their screens (the INS traits they gave, else the NIR). */
export function patientName(patient: PrescriptionView['patient']): string {
  const name = [known(patient.familyName), known(patient.givenNames)].filter(Boolean).join(' ');
  return name || known(patient.nir) || patient.pseudonym;
}

/**
 * The physician's patients: the distinct patients of their prescriptions
 * (one pseudonym each, whatever was typed), each with their prescriptions;
 * ordered by name. The identity shown is the latest prescription's.
 */
export function patientsOf(prescriptions: readonly PrescriptionView[]): PatientSummary[] {
  const byPatient = new Map<string, PrescriptionView[]>();
  for (const prescription of prescriptions) {
    const list = byPatient.get(prescription.patient.pseudonym) ?? [];
    list.push(prescription);
    byPatient.set(prescription.patient.pseudonym, list);
  }
  const newestFirst = (a: PrescriptionView, b: PrescriptionView) =>
    b.startDate.localeCompare(a.startDate) || (b.issuedAt ?? '').localeCompare(a.issuedAt ?? '');
  return [...byPatient.entries()]
    .map(([pseudonym, list]) => {
      const sorted = [...list].sort(newestFirst);
      const { patient } = sorted[0];
      return { pseudonym, name: patientName(patient), nir: known(patient.nir), birthDate: known(patient.birthDate), prescriptions: sorted };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.pseudonym.localeCompare(b.pseudonym));
}
