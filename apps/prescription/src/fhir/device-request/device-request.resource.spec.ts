import { ERASED } from '@app/contracts';
import { FR_SYSTEMS, platformUrl } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import type { DeviceRequest, Extension } from '@medplum/fhirtypes';
import { evaluatePrescription } from '../../domain/evaluation/evaluate-prescription';
import { certifiedDevice, evaluationInput, REFERENTIAL_2026_1 } from '../../domain/prescription.fixtures';
import type { PrescriptionView } from '../../projections/prescription-view';
import { toDeviceRequest } from './device-request.resource';

const PSEUDONYM = 'a3f1c9e2b4d6f8a0c2e4f6a8b0d2e4f6a8c0e2f4a6b8d0f2e4a6c8e0f2a4b6d8';
const NIR = '184037512345678';
const JUSTIFICATION = 'Patient has a Wi-Fi box installed next week by the operator';

/** A cardiologist's prescription with a justified HOME_COVERAGE warning, as the read model's view holds it. */
function issuedView(overrides: Partial<PrescriptionView> = {}): PrescriptionView {
  const device = certifiedDevice({ connectivity: ['CELLULAR_4G'] });
  const evaluation = evaluatePrescription(
    evaluationInput({ device, patient: { birthDate: '1958-06-01', homeCellularCoverage: 'POOR', ald: true } }),
    REFERENTIAL_2026_1,
  );
  return {
    id: '01950000-0000-7000-8000-0000000000a1',
    status: 'ISSUED',
    version: 1,
    prescriber: { rpps: '10012345673', specialty: 'cardiology' },
    patient: { pseudonym: PSEUDONYM, ald: true, homeCellularCoverage: 'POOR' },
    operatorOrg: 'operator-telecardio',
    device: { id: device.deviceId, udiDi: device.udiDi },
    indication: 'HEART_FAILURE',
    monitoringMode: 'PERIODIC',
    durationMonths: 6,
    startDate: '2026-03-15',
    endDate: '2026-09-14',
    renewalOf: null,
    evaluation,
    overrides: [{ ruleId: 'HOME_COVERAGE' }],
    deviceCertification: {
      status: 'CERTIFIED',
      validUntil: device.validUntil,
      certifiedIndications: device.certifiedIndications,
      connectivity: device.connectivity,
      udiDi: device.udiDi,
      position: device.position,
    },
    cancellation: null,
    expiredAt: null,
    issuedAt: '2026-03-15T09:30:12.345Z',
    updatedAt: '2026-03-15T09:30:12.345Z',
    ...overrides,
  };
}

const extension = (resource: DeviceRequest, name: string): Extension | undefined =>
  resource.extension?.find((each) => each.url === platformUrl(`StructureDefinition/${name}`));
const sub = (parent: Extension | undefined, url: string): Extension[] => parent?.extension?.filter((each) => each.url === url) ?? [];

describe('a prescription as a FHIR DeviceRequest', () => {
  it('is a valid R4 order for the certified product, the indication, the period, by its RPPS prescriber to the operator', () => {
    const resource = toDeviceRequest(issuedView(), { lppCode: '1612544' });
    expectValidFhir(resource);
    expect(resource).toMatchObject({
      resourceType: 'DeviceRequest',
      id: '01950000-0000-7000-8000-0000000000a1',
      meta: { versionId: '1', lastUpdated: '2026-03-15T09:30:12.345Z' },
      status: 'active',
      intent: 'order',
      codeCodeableConcept: { coding: [{ system: FR_SYSTEMS.lpp, code: '1612544' }], text: expect.stringContaining('03760123450010') },
      subject: { reference: `Patient/${PSEUDONYM}` },
      occurrencePeriod: { start: '2026-03-15', end: '2026-09-14' },
      authoredOn: '2026-03-15T09:30:12.345Z',
      requester: { type: 'Practitioner', identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810012345673' } },
      performer: { type: 'Organization', identifier: { system: platformUrl('NamingSystem/operator'), value: 'operator-telecardio' } },
      reasonCode: [{ coding: [{ system: platformUrl('CodeSystem/indication'), code: 'HEART_FAILURE' }] }],
    });
    expect(extension(resource, 'prescribed-device-definition')).toEqual({
      url: platformUrl('StructureDefinition/prescribed-device-definition'),
      valueReference: { reference: 'DeviceDefinition/01950000-0000-7000-8000-0000000000d1' },
    });
    expect(resource.parameter).toEqual([
      {
        code: { coding: [{ system: platformUrl('CodeSystem/device-request-parameter'), code: 'monitoring-mode' }] },
        valueCodeableConcept: { coding: [{ system: platformUrl('CodeSystem/monitoring-mode'), code: 'PERIODIC' }] },
      },
      {
        code: { coding: [{ system: platformUrl('CodeSystem/device-request-parameter'), code: 'duration' }] },
        valueQuantity: { value: 6, unit: 'month', system: 'http://unitsofmeasure.org', code: 'mo' },
      },
    ]);
    expect(resource.priorRequest).toBeUndefined();
    expect(resource.insurance).toBeUndefined();
    expect(resource.meta?.profile).toBeUndefined();
  });

  it('carries the HAS evaluation with its referential version, every rule result, and the overrides', () => {
    const view = issuedView();
    const evaluation = extension(toDeviceRequest(view), 'has-evaluation');
    expect(sub(evaluation, 'referentialVersion')).toEqual([{ url: 'referentialVersion', valueString: '2026.1' }]);
    const rules = sub(evaluation, 'rule').map((rule) => Object.fromEntries(rule.extension!.map((each) => [each.url, each.valueCode ?? each.valueString])));
    expect(rules).toEqual(view.evaluation.results);
    expect(rules).toContainEqual(expect.objectContaining({ ruleId: 'HOME_COVERAGE', outcome: 'WARN' }));
    // The order of the extension: the version first, then the rules, then the overrides.
    expect(evaluation?.extension?.map((each) => each.url)).toEqual(['referentialVersion', ...rules.map(() => 'rule'), 'override']);
  });

  it('shows the justification and the cancellation reason only when the view holds them', () => {
    const cancellation = { cancelledAt: '2026-04-02T08:00:00.000Z' };
    const hidden = toDeviceRequest(issuedView({ status: 'CANCELLED', version: 2, cancellation }));
    expectValidFhir(hidden);
    expect(hidden.status).toBe('revoked');
    expect(sub(extension(hidden, 'has-evaluation'), 'override')).toEqual([{ url: 'override', extension: [{ url: 'ruleId', valueCode: 'HOME_COVERAGE' }] }]);
    expect(extension(hidden, 'prescription-cancellation')?.extension).toEqual([{ url: 'cancelledAt', valueDateTime: '2026-04-02T08:00:00.000Z' }]);

    const shown = toDeviceRequest(
      issuedView({
        status: 'CANCELLED',
        version: 2,
        overrides: [{ ruleId: 'HOME_COVERAGE', justification: JUSTIFICATION }],
        cancellation: { ...cancellation, reason: 'patient moved abroad' },
      }),
    );
    expectValidFhir(shown);
    expect(sub(extension(shown, 'has-evaluation'), 'override')[0].extension).toContainEqual({ url: 'justification', valueString: JUSTIFICATION });
    expect(sub(extension(shown, 'prescription-cancellation'), 'reason')).toEqual([{ url: 'reason', valueString: 'patient moved abroad' }]);
  });

  it('names the patient by NIR only when the view carries it (the prescriber), never the birth date or names', () => {
    const identity = { nir: NIR, birthDate: '1958-06-01', familyName: 'Martin', givenNames: 'Jeanne', sex: 'F' as const };
    const forPrescriber = toDeviceRequest(issuedView({ patient: { pseudonym: PSEUDONYM, ald: true, homeCellularCoverage: 'POOR', ...identity } }));
    expectValidFhir(forPrescriber);
    expect(forPrescriber.subject).toEqual({ reference: `Patient/${PSEUDONYM}`, identifier: { system: FR_SYSTEMS.nir, value: NIR } });
    const text = JSON.stringify(forPrescriber);
    for (const personal of ['1958-06-01', 'Martin', 'Jeanne']) expect(text).not.toContain(personal);

    const forOthers = toDeviceRequest(issuedView());
    expect(forOthers.subject).toEqual({ reference: `Patient/${PSEUDONYM}` });
    expect(JSON.stringify(forOthers)).not.toContain(NIR);
  });

  it('drops the NIR of an erased patient and shows erased texts as the JSON API does', () => {
    const erased = toDeviceRequest(
      issuedView({
        patient: { pseudonym: PSEUDONYM, ald: true, homeCellularCoverage: 'POOR', nir: ERASED, birthDate: ERASED },
        overrides: [{ ruleId: 'HOME_COVERAGE', justification: ERASED }],
      }),
    );
    expectValidFhir(erased);
    expect(erased.subject).toEqual({ reference: `Patient/${PSEUDONYM}` });
    expect(sub(extension(erased, 'has-evaluation'), 'override')[0].extension).toContainEqual({ url: 'justification', valueString: ERASED });
  });

  it('is completed once expired, points a renewal at the prescription it renews, and keeps the text when no LPP code is known', () => {
    const resource = toDeviceRequest(
      issuedView({ status: 'EXPIRED', version: 2, renewalOf: '01950000-0000-7000-8000-0000000000a0', expiredAt: '2026-09-15T00:01:00.000Z' }),
    );
    expectValidFhir(resource);
    expect(resource.status).toBe('completed');
    expect(resource.priorRequest).toEqual([{ reference: 'DeviceRequest/01950000-0000-7000-8000-0000000000a0' }]);
    expect(resource.codeCodeableConcept).toEqual({ text: 'Certified connected medical device, UDI-DI 03760123450010' });
  });
});
