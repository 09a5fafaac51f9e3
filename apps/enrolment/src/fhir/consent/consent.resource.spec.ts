import { platformUrl } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import type { ConsentRecordRow } from '../../projections/consents.repository';
import { consentResource, standingsFor } from './consent.resource';

const PSEUDONYM = 'b'.repeat(62) + '1e';
const OPERATOR = { type: 'Organization', identifier: { system: platformUrl('NamingSystem/operator'), value: 'operator-telecardio' } };

const row = (overrides: Partial<ConsentRecordRow> = {}): ConsentRecordRow => ({
  id: '01980000-0000-7000-8000-00000000c001',
  enrolmentId: '01980000-0000-7000-8000-00000000e001',
  decision: 'GIVEN',
  consentTextVersion: 'tlsm-2026.1',
  method: 'ELECTRONIC',
  signedAt: '2026-02-01T08:59:00.000Z',
  signedBy: 'PATIENT',
  representativeRole: null,
  recordedBy: { role: 'patient', id: 'patient-user' },
  recordedAt: '2026-02-01T09:00:00.000Z',
  withdrawnAt: null,
  withdrawnBy: null,
  supersededAt: null,
  standing: 'IN_FORCE',
  operatorOrg: 'operator-telecardio',
  patientPseudonym: PSEUDONYM,
  version: 3,
  updatedAt: '2026-02-01T09:00:00.000Z',
  ...overrides,
});

const extension = (consent: ReturnType<typeof consentResource>, name: string) =>
  consent.extension?.find((each) => each.url === platformUrl(`StructureDefinition/${name}`));

describe('Consent of an enrolment', () => {
  it('is a given consent in force: permit from its signature, under its text version, signed by the patient', () => {
    const consent = consentResource(row());
    expectValidFhir(consent);
    expect(consent).toMatchObject({
      resourceType: 'Consent',
      id: row().id,
      meta: { versionId: '3', lastUpdated: '2026-02-01T09:00:00.000Z' },
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { reference: `Patient/${PSEUDONYM}` },
      dateTime: '2026-02-01T08:59:00.000Z',
      performer: [{ reference: `Patient/${PSEUDONYM}` }],
      organization: [OPERATOR],
      policy: [{ uri: platformUrl('ConsentText/tlsm-2026.1') }],
      provision: { type: 'permit', period: { start: '2026-02-01T08:59:00.000Z' } },
    });
    expect(consent.contained).toBeUndefined();
    expect(extension(consent, 'consent-method')?.valueCoding).toEqual({ system: platformUrl('CodeSystem/consent-method'), code: 'ELECTRONIC' });
    expect(extension(consent, 'consent-recorded-by')?.valueReference).toEqual({ reference: `Patient/${PSEUDONYM}` });
    expect(extension(consent, 'consent-recorded-at')?.valueInstant).toBe('2026-02-01T09:00:00.000Z');
  });

  it('is inactive once withdrawn, its permission ending then, and names who withdrew it', () => {
    const consent = consentResource(
      row({ standing: 'ENDED', withdrawnAt: '2026-03-01T10:00:00.000Z', withdrawnBy: { role: 'physician', id: 'doc', rpps: '10003456789' } }),
    );
    expectValidFhir(consent);
    expect(consent.status).toBe('inactive');
    expect(consent.provision?.period).toEqual({ start: '2026-02-01T08:59:00.000Z', end: '2026-03-01T10:00:00.000Z' });
    expect(extension(consent, 'consent-withdrawn-by')?.valueReference).toEqual({
      type: 'Practitioner',
      identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810003456789' },
    });
  });

  it('is inactive once a later consent replaced it', () => {
    const consent = consentResource(row({ standing: 'ENDED', supersededAt: '2026-02-10T09:00:00.000Z' }));
    expectValidFhir(consent);
    expect(consent.status).toBe('inactive');
    expect(consent.provision?.period?.end).toBe('2026-02-10T09:00:00.000Z');
  });

  it('is rejected for a refusal: a denial, recorded by the operator from a paper form', () => {
    const consent = consentResource(
      row({ decision: 'REFUSED', standing: 'REFUSED', method: 'PAPER', recordedBy: { role: 'operator', id: 'op-user', org: 'operator-telecardio' } }),
    );
    expectValidFhir(consent);
    expect(consent.status).toBe('rejected');
    expect(consent.provision).toEqual({ type: 'deny', period: { start: '2026-02-01T08:59:00.000Z' } });
    expect(extension(consent, 'consent-method')?.valueCoding?.code).toBe('PAPER');
    expect(extension(consent, 'consent-recorded-by')?.valueReference).toEqual(OPERATOR);
  });

  it("shows a legal representative's signature as a contained RelatedPerson with their role, never who they are", () => {
    const consent = consentResource(row({ signedBy: 'LEGAL_REPRESENTATIVE', representativeRole: 'PARENT', recordedBy: { role: 'physician', id: 'doc', rpps: '10003456789' } }));
    expectValidFhir(consent);
    expect(consent.performer).toEqual([{ reference: '#representative', type: 'RelatedPerson' }]);
    expect(consent.contained).toEqual([
      expect.objectContaining({
        resourceType: 'RelatedPerson',
        id: 'representative',
        patient: { reference: `Patient/${PSEUDONYM}` },
        relationship: [
          expect.objectContaining({
            coding: [
              { system: platformUrl('CodeSystem/consent-representative-role'), code: 'PARENT', display: 'Parent' },
              { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PRN', display: 'parent' },
            ],
          }),
        ],
      }),
    ]);
    expect(Object.keys(consent.contained?.[0] ?? {})).not.toContain('name');
  });

  it('codes a representative of another kind with the platform code alone', () => {
    const consent = consentResource(row({ signedBy: 'LEGAL_REPRESENTATIVE', representativeRole: 'OTHER' }));
    expectValidFhir(consent);
    const [related] = consent.contained as Array<{ relationship: Array<{ coding: unknown[] }> }>;
    expect(related.relationship[0].coding).toEqual([{ system: platformUrl('CodeSystem/consent-representative-role'), code: 'OTHER', display: 'Other legal representative' }]);
  });

  it('names no recorder the platform cannot identify (a step of the platform itself)', () => {
    const consent = consentResource(row({ recordedBy: { role: 'system', id: 'enrolment' } }));
    expectValidFhir(consent);
    expect(extension(consent, 'consent-recorded-by')).toBeUndefined();
  });

  it('reads `status` as the standings of the records', () => {
    expect(standingsFor(['active'])).toEqual(['IN_FORCE']);
    expect(standingsFor(['inactive', 'rejected'])).toEqual(['ENDED', 'REFUSED']);
    expect(standingsFor(undefined)).toBeUndefined();
  });
});
