import { expectValidFhir, fhirIssues } from './expect-valid-fhir';

describe('expectValidFhir', () => {
  const request = {
    resourceType: 'DeviceRequest',
    id: '0190a3c4-0000-7000-8000-000000000001',
    status: 'active',
    intent: 'order',
    codeCodeableConcept: { text: 'Telemonitoring device' },
    subject: { reference: 'Patient/abc' },
  } as const;

  it('accepts a valid resource', () => {
    expect(fhirIssues(request)).toEqual([]);
  });

  it('refuses a code outside a required value set, which the validator alone lets through', () => {
    const issues = fhirIssues({ ...request, status: 'ISSUED' } as never);
    expect(issues).toEqual([expect.stringMatching(/DeviceRequest\.status: 'ISSUED' is not in http:\/\/hl7\.org\/fhir\/ValueSet\/request-status/)]);
  });

  it('checks the codes of nested elements, datatypes and bundled resources', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ fullUrl: 'http://x/fhir/R4/DeviceRequest/1', resource: { ...request, intent: 'command' }, search: { mode: 'hit' } }],
    };
    const issues = fhirIssues(bundle as never);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Bundle\.entry\[0\]\.resource\.intent: 'command'/),
        expect.stringMatching(/Bundle\.entry\[0\]\.search\.mode: 'hit'/),
      ]),
    );
  });

  it('checks Coding systems and currencies', () => {
    const money = { resourceType: 'Claim', status: 'active', use: 'claim', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      patient: { reference: 'Patient/a' }, created: '2026-01-01', provider: { display: 'x' }, priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/1' } }], total: { value: 1, currency: 'EUX' } };
    expect(fhirIssues(money as never)).toEqual([expect.stringMatching(/Claim\.total\.currency: 'EUX'/)]);
  });

  it('fails on structural errors and warnings, naming the resource', () => {
    expect(() => expectValidFhir({ ...request, unknownField: 1 } as never)).toThrow(/DeviceRequest\/0190a3c4.* is not valid FHIR R4[\s\S]*unknownField/);
  });
});
