import type { DossierVerification, LiabilityDossier } from '@app/audit';
import { dossierReport, whenOf } from './dossier-report';

const item = (index: number, step: string, party: string, actor: { id: string; role: string }, at: string, decision: string) => ({ index, step, party, actor, at, decision });

const dossier = {
  prescriptionId: 'rx',
  treeHead: { treeSize: 42, timestamp: '2027-01-01T01:10:00.000Z' },
  summary: [
    item(3, 'device.registered', 'vendor', { id: 'sub-vendor', role: 'vendor' }, '2026-12-01T22:16:03.120Z', 'REGISTERED'),
    item(9, 'prescription.issued', 'physician', { id: 'sub-physician', role: 'physician' }, '2026-12-01T22:16:09.000Z', 'ISSUED'),
    item(40, 'claim.paid', 'claims_processor', { id: 'system:payment', role: 'system' }, '2027-01-01T01:09:00.000Z', 'PAID'),
  ],
  disclosures: [{ index: 9, path: '/evidence/overrides/0/justification', text: 'A Wi-Fi gateway is installed', salt: '00' }],
} as unknown as LiabilityDossier;

const names = new Map([
  ['sub-vendor', 'Cardio SAS'],
  ['sub-physician', 'cardiologist RPPS 10012345673'],
]);

describe("the dossier's summary as the demo prints it", () => {
  const verified: DossierVerification = {
    ok: true,
    failures: [],
    entriesChecked: 25,
    streamsChecked: 4,
    seals: { source: 'given', trusted: [{ service: 'prescription', keyId: 'k', entries: 3 }] },
    texts: { checked: 1, unchecked: 0, undisclosed: 2 },
  };

  it('says it verified, then one line per step with when, party, actor and decision', () => {
    const lines = dossierReport(dossier, verified, names);
    expect(lines[0]).toMatch(/^Verified offline .*25 entries in 4 streams.*tree head of size 42 signed at 2027-01-01T01:10:00.000Z/);
    expect(lines[1]).toBe("Seals checked against the ledger's signer registry, fetched apart from the dossier: prescription (3).");
    expect(lines[2]).toBe('Free texts: 1 disclosed and checked against their commitments, 2 not disclosed to this reader, 0 erased.');
    const steps = lines.filter((line) => line.startsWith('  20'));
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/^ {2}2026-12-01 22:16:03Z {2}vendor {12}Cardio SAS \(vendor\) +device\.registered +REGISTERED$/);
    expect(steps[2]).toMatch(/claims_processor {2}system:payment \(system\) +claim\.paid +PAID$/);
    expect(lines).toContain(`  ${' '.repeat(40)}/evidence/overrides/0/justification: "A Wi-Fi gateway is installed"`);
    expect(lines[lines.length - 1]).toBe('Parties: vendor, physician, claims_processor.');
  });

  it('names the first failure when it does not verify', () => {
    const failed: DossierVerification = { ok: false, failures: ['entry 3: leaf hash', 'entry 4: proof'], failedEntry: { index: 3, entryId: 'e3', failure: 'leaf hash' }, entriesChecked: 25, streamsChecked: 4 };
    const lines = dossierReport(dossier, failed, names);
    expect(lines.slice(0, 3)).toEqual(['NOT VERIFIED: entry index 3: leaf hash', '  - entry 3: leaf hash', '  - entry 4: proof']);
  });

  it('prints the platform time to the second', () => {
    expect(whenOf('2026-12-01T22:16:03.120Z')).toBe('2026-12-01 22:16:03Z');
  });
});
