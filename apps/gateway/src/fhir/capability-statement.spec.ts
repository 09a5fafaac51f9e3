import { PAGING_PARAMS, PATIENT_PARAM, statusParam, type FhirResourceCapability } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import { capabilityStatement, type CapabilityPart } from './capability-statement';

const deviceRequest: FhirResourceCapability = {
  type: 'DeviceRequest',
  interactions: ['read', 'search-type'],
  searchParams: [PATIENT_PARAM, statusParam(['active', 'revoked']), ...PAGING_PARAMS],
};
const claim: FhirResourceCapability = { type: 'Claim', interactions: ['read', 'search-type'], searchParams: [PATIENT_PARAM, ...PAGING_PARAMS] };
const context = { base: 'http://localhost:3000/fhir/R4', date: '2026-12-02T10:00:00.000Z', softwareVersion: '1' };

describe('the CapabilityStatement of /fhir/R4/metadata', () => {
  const parts: CapabilityPart[] = [
    { service: 'prescription', routedTypes: ['DeviceRequest'], resources: [deviceRequest] },
    { service: 'claims', routedTypes: ['Claim'], resources: [claim] },
  ];

  it('lists every declared and routed type with its interactions and search parameters, and Patient as $everything only', () => {
    const { statement, mismatches } = capabilityStatement(parts, context);
    expectValidFhir(statement);
    expect(mismatches).toEqual([]);
    const [rest] = statement.rest ?? [];
    expect(rest.resource?.map((resource) => resource.type)).toEqual(['Claim', 'DeviceRequest', 'Patient']);
    const request = rest.resource?.find((resource) => resource.type === 'DeviceRequest');
    expect(request?.interaction).toEqual([{ code: 'read' }, { code: 'search-type' }]);
    expect(request?.searchParam?.map((param) => [param.name, param.type])).toEqual([
      ['patient', 'reference'],
      ['status', 'token'],
      ['_lastUpdated', 'date'],
      ['_count', 'number'],
      ['_page', 'number'],
    ]);
    const patient = rest.resource?.find((resource) => resource.type === 'Patient');
    expect(patient).toEqual(expect.objectContaining({ operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] }));
    expect(patient?.interaction).toBeUndefined();
    expect(statement).toMatchObject({ fhirVersion: '4.0.1', format: ['application/fhir+json'], kind: 'instance', date: context.date });
  });

  it('leaves out, and reports, a type declared without its route or routed without its declaration', () => {
    const { statement, mismatches } = capabilityStatement(
      [
        { service: 'prescription', routedTypes: ['Consent'], resources: [deviceRequest] },
        { service: 'claims', routedTypes: ['Claim'], resources: [claim] },
      ],
      context,
    );
    expect(statement.rest?.[0].resource?.map((resource) => resource.type)).toEqual(['Claim', 'Patient']);
    expect(mismatches).toEqual([
      'prescription is routed Consent but does not declare it',
      'prescription declares DeviceRequest but services.json does not route it there',
    ]);
  });
});
