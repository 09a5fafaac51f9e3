import { ExportPartRefused, mergeExport } from './patient-export.merge';

const PSEUDONYM = 'ab'.repeat(32);

describe("the patient's export, merged from each service's part", () => {
  it('gives every list of API.md, empty, and a null identity when no service holds anything', () => {
    expect(mergeExport(PSEUDONYM, [])).toEqual({
      pseudonym: PSEUDONYM,
      identity: null,
      prescriptions: [],
      enrolments: [],
      claims: [],
      ledgerEntries: [],
    });
  });

  it("takes each service's lists in order, the identity field by field (first service first), and a new list as it comes", () => {
    const merged = mergeExport(PSEUDONYM, [
      { service: 'prescription', body: { pseudonym: PSEUDONYM, identity: { nir: '1840375123456', familyName: 'Martin' }, prescriptions: [{ id: 'p1' }] } },
      { service: 'enrolment', body: { identity: { familyName: 'MARTIN', phone: '06' }, enrolments: [{ id: 'e1' }], prescriptions: [{ id: 'p2' }] } },
      { service: 'audit-ledger', body: { ledgerEntries: [{ index: 0 }, { index: 3 }] } },
      { service: 'notifications', body: { notifications: [{ id: 'n1' }] } },
    ]);
    expect(merged).toEqual({
      pseudonym: PSEUDONYM,
      identity: { nir: '1840375123456', familyName: 'Martin', phone: '06' },
      prescriptions: [{ id: 'p1' }, { id: 'p2' }],
      enrolments: [{ id: 'e1' }],
      claims: [],
      ledgerEntries: [{ index: 0 }, { index: 3 }],
      notifications: [{ id: 'n1' }],
    });
  });

  it.each([
    ['a part about another pseudonym', { pseudonym: 'cd'.repeat(32), prescriptions: [] }, 'answered about another pseudonym'],
    ['a list that is not one', { claims: { id: 'c1' } }, 'claims is not a list'],
    ['an identity that is not an object', { identity: 'Martin' }, 'identity is not an object'],
    ['a part name that is no plain name', JSON.parse('{"__proto__": []}'), '"__proto__" is not a part name'],
    ['an answer that is not an object', [{ id: 'p1' }], 'answered no JSON object'],
  ])('refuses %s, naming the service', (_what, body, reason) => {
    const refused = (() => {
      try {
        mergeExport(PSEUDONYM, [{ service: 'audit-ledger', body: { ledgerEntries: [] } }, { service: 'prescription', body }]);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(ExportPartRefused);
    expect(refused).toMatchObject({ service: 'prescription', reason });
  });
});
