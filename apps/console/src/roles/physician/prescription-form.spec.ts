import type { PrescriptionView } from './api-types';
import { emptyForm, readyToEvaluate, renewalForm, requestBody, type PrescriptionForm } from './prescription-form';

const filled = (): PrescriptionForm => ({
  ...emptyForm(),
  patient: { nir: '1 84 03 75 123456 12', birthDate: '1984-03-02', familyName: ' DUPONT ', givenNames: '', sex: 'F', homeCellularCoverage: 'POOR', ald: true },
  deviceId: '0190d0f0-0000-7000-8000-000000000001',
  operatorOrg: ' operator-1 ',
  durationMonths: '6',
  clinical: { nyhaClass: '3', hospitalisedForHfWithin12Months: 'true', ntProBnpPgMl: '1800,5', dialysis: 'true' },
});

describe('the prescription form', () => {
  it("makes API.md's body: the NIR without spaces, empty optional fields left out, numbers as numbers", () => {
    expect(requestBody(filled())).toEqual({
      patient: { nir: '184037512345612', birthDate: '1984-03-02', homeCellularCoverage: 'POOR', ald: true, familyName: 'DUPONT', sex: 'F' },
      deviceId: '0190d0f0-0000-7000-8000-000000000001',
      indication: 'HEART_FAILURE',
      operatorOrg: 'operator-1',
      monitoringMode: 'PERIODIC',
      durationMonths: 6,
      // Only the indication's own fields: the kidney one typed before the indication changed is not sent.
      clinical: { nyhaClass: 3, hospitalisedForHfWithin12Months: true, ntProBnpPgMl: 1800.5 },
    });
  });

  it('tells "no" from "not documented", and sends what is not a number as typed, for the API to name the field', () => {
    const form = { ...filled(), clinical: { hospitalisedForHfWithin12Months: 'false', nyhaClass: '', bnpPgMl: 'beaucoup' } };
    expect(requestBody(form).clinical).toEqual({ hospitalisedForHfWithin12Months: false, bnpPgMl: 'beaucoup' });
    expect(requestBody({ ...form, durationMonths: 'six' }).durationMonths).toBe('six');
  });

  it('adds the renewal and the justified overrides when there are some', () => {
    const overrides = [{ ruleId: 'HOME_COVERAGE', justification: 'The operator supplies a Wi-Fi gateway' }];
    expect(requestBody(filled(), { renewalOf: 'p-1', overrides })).toMatchObject({ renewalOf: 'p-1', overrides });
    expect(requestBody(filled(), { overrides: [] })).not.toHaveProperty('overrides');
    expect(requestBody(filled())).not.toHaveProperty('renewalOf');
  });

  it('asks the referential only once the patient, device, operator and duration are there', () => {
    expect(readyToEvaluate(emptyForm())).toBe(false);
    expect(readyToEvaluate(filled())).toBe(true);
    expect(readyToEvaluate({ ...filled(), deviceId: '' })).toBe(false);
  });

  it('prefills a renewal with what the renewed prescription keeps, erased identity fields left empty, clinical data asked again', () => {
    const renewed = {
      id: 'p-1',
      patient: { pseudonym: 'ps', nir: '184037512345612', birthDate: '1984-03-02', familyName: 'erased', homeCellularCoverage: 'POOR', ald: false },
      device: { id: 'd-1', udiDi: '03760000000001' },
      indication: 'DIABETES',
      operatorOrg: 'operator-1',
      monitoringMode: 'CRITICAL_ALERTS',
      durationMonths: 6,
    } as unknown as PrescriptionView;
    expect(renewalForm(renewed)).toEqual({
      patient: { nir: '184037512345612', birthDate: '1984-03-02', familyName: '', givenNames: '', sex: '', homeCellularCoverage: 'POOR', ald: false },
      indication: 'DIABETES',
      deviceId: 'd-1',
      operatorOrg: 'operator-1',
      monitoringMode: 'CRITICAL_ALERTS',
      durationMonths: '6',
      clinical: {},
    });
  });
});
