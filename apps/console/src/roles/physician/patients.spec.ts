import type { PrescriptionView } from './api-types';
import { patientName, patientsOf } from './patients';

const prescription = (id: string, pseudonym: string, startDate: string, patient: Partial<PrescriptionView['patient']> = {}): PrescriptionView =>
  ({ id, startDate, issuedAt: `${startDate}T09:00:00.000Z`, patient: { pseudonym, ald: false, homeCellularCoverage: 'GOOD', ...patient } }) as PrescriptionView;

describe("the physician's patients", () => {
  it('groups prescriptions by patient, newest first, patients by name', () => {
    const patients = patientsOf([
      prescription('a1', 'ps-a', '2026-01-10', { familyName: 'MARTIN', givenNames: 'Jeanne', nir: '284037512345678' }),
      prescription('b1', 'ps-b', '2026-02-01', { familyName: 'DUPONT', givenNames: 'Paul' }),
      prescription('a2', 'ps-a', '2026-07-11', { familyName: 'MARTIN', givenNames: 'Jeanne Louise', nir: '284037512345678' }),
    ]);
    expect(patients.map((p) => [p.name, p.prescriptions.map((x) => x.id)])).toEqual([
      ['DUPONT Paul', ['b1']],
      ['MARTIN Jeanne Louise', ['a2', 'a1']],
    ]);
    expect(patients[1]).toMatchObject({ pseudonym: 'ps-a', nir: '284037512345678' });
  });

  it('names a patient by the NIR without a name, by the pseudonym once erased', () => {
    expect(patientName({ pseudonym: 'ps', ald: false, homeCellularCoverage: 'GOOD', nir: '184037512345612' })).toBe('184037512345612');
    expect(patientName({ pseudonym: 'ps', ald: false, homeCellularCoverage: 'GOOD', nir: 'erased', familyName: 'erased' })).toBe('ps');
    expect(patientsOf([prescription('x', 'ps', '2026-01-01', { nir: 'erased', birthDate: 'erased' })])[0]).toMatchObject({ nir: undefined, birthDate: undefined });
  });

  it('has no patient without a prescription', () => {
    expect(patientsOf([])).toEqual([]);
  });
});
