import { ERASED } from '@app/contracts';
import type { StoredAuditDisclosure } from '@app/event-sourcing';
import type { PatientKeyring, PatientOpener } from '../patient-keys/patient-keyring';
import { AesServiceTextSealer } from '../service-texts/aes-service-text-sealer';
import { openDisclosures } from './open-disclosures';

const sealer = new AesServiceTextSealer('20'.repeat(32), 'device-certification');
const ENTRY = '0190a1b2-0000-7000-8000-000000000001';
const LIVE = 'a'.repeat(64);
const GONE = 'b'.repeat(64);

/** A keyring whose patient GONE was erased: every text of theirs reads ERASED. */
function keyring(): PatientKeyring & { asked: string[] } {
  const asked: string[] = [];
  const opener = (pseudonym: string): PatientOpener => ({
    pseudonym,
    decrypt: () => (pseudonym === GONE ? ERASED : 'x'),
    openText: ({ ciphertext }) => (pseudonym === GONE ? ERASED : { text: `opened ${ciphertext}`, salt: '0'.repeat(32) }),
  });
  return {
    asked,
    sealerFor: () => Promise.reject(new Error('not used')),
    keysFor: () => Promise.reject(new Error('not used')),
    liveKeysFor: () => Promise.reject(new Error('not used')),
    openerFor: async (pseudonym) => {
      asked.push(pseudonym);
      return opener(pseudonym);
    },
    forget: () => undefined,
  };
}

const serviceRow = (path: string, text: string): StoredAuditDisclosure => {
  const aad = `device:1#${path}`;
  return { entryId: ENTRY, path, ciphertext: sealer.sealText(text, aad).ciphertext, aad, pseudonym: null, readers: [] };
};
const patientRow = (path: string, pseudonym: string): StoredAuditDisclosure => ({ entryId: ENTRY, path, ciphertext: `c-${path}`, aad: 'p#f', pseudonym, readers: [] });

describe('openDisclosures', () => {
  it('opens service texts with the text key and patient texts with their key, once per patient', async () => {
    const patients = keyring();
    const opened = await openDisclosures(
      [serviceRow('/evidence/reason', 'Lot 42 recalled'), patientRow('/evidence/a', LIVE), patientRow('/evidence/b', LIVE)],
      { serviceTexts: sealer, patientKeys: patients },
    );
    expect(opened).toEqual([
      { entryId: ENTRY, path: '/evidence/reason', text: 'Lot 42 recalled', salt: expect.stringMatching(/^[0-9a-f]{32}$/) },
      { entryId: ENTRY, path: '/evidence/a', text: 'opened c-/evidence/a', salt: '0'.repeat(32) },
      { entryId: ENTRY, path: '/evidence/b', text: 'opened c-/evidence/b', salt: '0'.repeat(32) },
    ]);
    expect(patients.asked).toEqual([LIVE]);
  });

  it('reports the text of an erased patient as erased, not as a failure', async () => {
    expect(await openDisclosures([patientRow('/evidence/reason', GONE)], { patientKeys: keyring() })).toEqual([
      { entryId: ENTRY, path: '/evidence/reason', text: 'erased', erased: true },
    ]);
  });

  it('fails loudly on a row whose key the service does not hold, never leaving it out', async () => {
    await expect(openDisclosures([patientRow('/evidence/reason', LIVE)], { serviceTexts: sealer })).rejects.toThrow(/no patient keyring/);
    await expect(openDisclosures([serviceRow('/evidence/reason', 'x')], { patientKeys: keyring() })).rejects.toThrow(/does not hold/);
  });

  it('fails on a row moved to another field (its associated data no longer matches)', async () => {
    const row = serviceRow('/evidence/reason', 'x');
    await expect(openDisclosures([{ ...row, aad: 'device:2#/evidence/reason' }], { serviceTexts: sealer })).rejects.toThrow(/failed authentication/);
  });
});
