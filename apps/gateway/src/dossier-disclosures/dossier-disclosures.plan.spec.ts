import { disclosureRequests, dossierDisclosures, ENTRY_IDS_PER_REQUEST, type DisclosingService } from './dossier-disclosures.plan';

const devices: DisclosingService = { name: 'device-certification', url: 'http://devices', path: '/internal/audit-disclosures' };
const prescriptions: DisclosingService = { name: 'prescription', url: 'http://prescriptions', path: '/internal/audit-disclosures' };
const claims: DisclosingService = { name: 'claims', url: 'http://claims', path: '/internal/audit-disclosures' };
const entry = (index: number, service: string) => ({ index, entry: { id: `id-${index}`, service } });
const dossier = { entries: [entry(3, 'device-certification'), entry(7, 'prescription'), entry(9, 'device-certification'), entry(12, 'prescription')] };

describe('dossier disclosures', () => {
  it('asks each disclosing service for the entries it wrote, and no service for entries it did not write', () => {
    expect(disclosureRequests(dossier, [devices, prescriptions, claims])).toEqual([
      { service: devices, entryIds: ['id-3', 'id-9'] },
      { service: prescriptions, entryIds: ['id-7', 'id-12'] },
    ]);
  });

  it('asks a thousand entries at a time', () => {
    const many = { entries: Array.from({ length: ENTRY_IDS_PER_REQUEST + 5 }, (_, i) => entry(i, 'prescription')) };
    expect(disclosureRequests(many, [prescriptions]).map((r) => r.entryIds.length)).toEqual([ENTRY_IDS_PER_REQUEST, 5]);
  });

  it("places each text under its entry's ledger index, erased ones as erased, sorted by index then path", () => {
    const [toDevices, toPrescriptions] = disclosureRequests(dossier, [devices, prescriptions]);
    const disclosures = dossierDisclosures(dossier, [
      { request: toPrescriptions, items: [{ entryId: 'id-12', path: '/evidence/reason', text: 'erased', erased: true }, { entryId: 'id-7', path: '/evidence/overrides/0/justification', text: 'j', salt: 's1' }] },
      {
        request: toDevices,
        items: [
          { entryId: 'id-9', path: '/evidence/events/0/data/reason', text: 'r', salt: 's2' },
          { entryId: 'id-3', path: '/evidence/events/1/data/notes', text: 'n2', salt: 's4' },
          { entryId: 'id-3', path: '/evidence/events/0/data/notes', text: 'n', salt: 's3' },
        ],
      },
    ]);
    expect(disclosures).toEqual([
      { index: 3, path: '/evidence/events/0/data/notes', text: 'n', salt: 's3' },
      { index: 3, path: '/evidence/events/1/data/notes', text: 'n2', salt: 's4' },
      { index: 7, path: '/evidence/overrides/0/justification', text: 'j', salt: 's1' },
      { index: 9, path: '/evidence/events/0/data/reason', text: 'r', salt: 's2' },
      { index: 12, path: '/evidence/reason', text: 'erased', erased: true },
    ]);
  });

  it('leaves out what a service gives for an entry it was not asked about', () => {
    const [toDevices] = disclosureRequests(dossier, [devices]);
    expect(dossierDisclosures(dossier, [{ request: toDevices, items: [{ entryId: 'id-7', path: '/evidence/reason', text: 'x', salt: 's' }, { entryId: 'nope', path: '/p', text: 'x', salt: 's' }] }])).toEqual([]);
  });
});
