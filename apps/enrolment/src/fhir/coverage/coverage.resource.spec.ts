import { platformUrl } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import type { StoredEnrolmentView } from '../../projections/enrolment-view';
import type { EnrolmentRow } from '../../projections/enrolments.repository';
import { coverageResource, rightsStatusesFor } from './coverage.resource';

const PSEUDONYM = 'c'.repeat(62) + '2d';
const ENROLMENT_ID = '01980000-0000-7000-8000-00000000e001';

const view = (overrides: Partial<StoredEnrolmentView> = {}): StoredEnrolmentView => ({
  id: ENROLMENT_ID,
  status: 'ACTIVE',
  version: 7,
  prescriptionId: '01980000-0000-7000-8000-00000000a001',
  prescriptionIds: ['01980000-0000-7000-8000-00000000a001'],
  deviceId: '01980000-0000-7000-8000-0000000de71c',
  operatorOrg: 'operator-telecardio',
  indication: 'HEART_FAILURE',
  monitoringMode: 'PERIODIC',
  patient: { pseudonym: PSEUDONYM },
  consents: [],
  rights: { status: 'OPEN', checkedAt: '2026-02-01T09:01:00.000Z', request: 1 },
  device: { serialNumber: 'SN-1', udiDi: '03700000000017' },
  prescribedUdiDi: '03700000000017',
  activatedAt: '2026-02-02T08:00:00.000Z',
  incidents: [],
  startDate: '2026-02-01',
  endDate: '2026-07-31',
  createdAt: '2026-02-01T08:00:00.000Z',
  updatedAt: '2026-02-02T08:00:00.000Z',
  ...overrides,
});
const row = (overrides: Partial<StoredEnrolmentView> = {}, ald: boolean | null = true): EnrolmentRow => ({ resource: view(overrides), erased: false, ald });

const extension = (coverage: ReturnType<typeof coverageResource>, name: string) =>
  coverage.extension?.find((each) => each.url === platformUrl(`StructureDefinition/${name}`));

describe('Coverage of an enrolment', () => {
  it("is the AMO coverage of the enrolment's patient, active with open rights, with the ALD link and the monitoring period", () => {
    const coverage = coverageResource(row());
    expectValidFhir(coverage);
    expect(coverage).toMatchObject({
      resourceType: 'Coverage',
      id: ENROLMENT_ID,
      meta: { versionId: '7', lastUpdated: '2026-02-02T08:00:00.000Z' },
      status: 'active',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PUBLICPOL' }] },
      beneficiary: { reference: `Patient/${PSEUDONYM}` },
      payor: [{ type: 'Organization', display: 'Assurance Maladie' }],
      period: { start: '2026-02-02T08:00:00.000Z' },
    });
    expect(extension(coverage, 'ald-exoneration')?.valueBoolean).toBe(true);
    expect(extension(coverage, 'amo-rights-status')?.valueCoding).toEqual({ system: platformUrl('CodeSystem/amo-rights-status'), code: 'OPEN' });
    expect(extension(coverage, 'amo-rights-checked-at')?.valueInstant).toBe('2026-02-01T09:01:00.000Z');
  });

  it('is cancelled with closed rights, and its period ends with the enrolment', () => {
    const coverage = coverageResource(row({ status: 'ENDED', rights: { status: 'CLOSED', checkedAt: '2026-03-01T00:00:00.000Z', request: 2 }, endedAt: '2026-03-02T00:00:00.000Z' }, false));
    expectValidFhir(coverage);
    expect(coverage.status).toBe('cancelled');
    expect(coverage.period).toEqual({ start: '2026-02-02T08:00:00.000Z', end: '2026-03-02T00:00:00.000Z' });
    expect(extension(coverage, 'ald-exoneration')?.valueBoolean).toBe(false);
  });

  it('is a draft while the rights are not known (pending, or the AMO did not answer), with no period before activation', () => {
    for (const status of ['PENDING', 'UNAVAILABLE'] as const) {
      const coverage = coverageResource(row({ status: 'PENDING_CONSENT', rights: { status, request: 1 }, activatedAt: undefined }));
      expectValidFhir(coverage);
      expect(coverage.status).toBe('draft');
      expect(coverage.period).toBeUndefined();
      expect(extension(coverage, 'amo-rights-checked-at')).toBeUndefined();
      expect(extension(coverage, 'amo-rights-status')?.valueCoding?.code).toBe(status);
    }
  });

  it('omits the ALD link when it is not known', () => {
    const coverage = coverageResource(row({}, null));
    expectValidFhir(coverage);
    expect(extension(coverage, 'ald-exoneration')).toBeUndefined();
  });

  it('carries no identity: the beneficiary only by pseudonym, no NIR', () => {
    const text = JSON.stringify(coverageResource(row()));
    expect(text).not.toMatch(/nir|1\.2\.250\.1\.213\.1\.4\.8|birth/i);
  });

  it('reads `status` as the AMO answers', () => {
    expect(rightsStatusesFor(['active'])).toEqual(['OPEN']);
    expect(rightsStatusesFor(['draft'])).toEqual(['PENDING', 'UNAVAILABLE']);
    expect(rightsStatusesFor(['cancelled', 'active'])).toEqual(['OPEN', 'CLOSED']);
  });
});
