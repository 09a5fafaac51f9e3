import { refusalOf } from '../../api/refusal.testing';
import { conformityChecklist } from './checklist';
import { submittedDevice } from './device.fixture';
import { certifyBody, reasonLines, reasonOf, recertifyBody, rejectBody, rejectionDraft } from './review-bodies';

const messages = { validUntilRequired: 'day?', reasonsRequired: 'reasons?', reasonRequired: 'reason?' };

describe('the certification body', () => {
  const form = { validUntil: '2027-12-31', lppCode: ' 1612544 ', certifiedIndications: ['HEART_FAILURE' as const], notes: '' };

  it('sends the end of the chosen day in Paris, the LPP code and the indications, and notes only when written', () => {
    expect(certifyBody(form, messages)).toEqual({ decision: 'CERTIFY', validUntil: '2027-12-31T22:59:59.999Z', lppCode: '1612544', certifiedIndications: ['HEART_FAILURE'] });
    expect(certifyBody({ ...form, notes: '  Dossier complet. ' }, messages).notes).toBe('Dossier complet.');
  });

  it('refuses under validUntil a form without a day, and leaves the rest to the API', () => {
    expect(refusalOf(() => certifyBody({ ...form, validUntil: '' }, messages))).toEqual({ field: 'validUntil', message: 'day?' });
    expect(certifyBody({ ...form, lppCode: '12', certifiedIndications: [] }, messages)).toMatchObject({ lppCode: '12', certifiedIndications: [] });
  });
});

describe('the rejection body', () => {
  it('takes one reason a line, blank lines dropped', () => {
    expect(reasonLines('  Pas de certificat HDS \n\n\r\nPas de rapport de test d’intrusion\r\n  ')).toEqual(['Pas de certificat HDS', 'Pas de rapport de test d’intrusion']);
    expect(rejectBody('Un motif\n\nUn autre', messages)).toEqual({ decision: 'REJECT', reasons: ['Un motif', 'Un autre'] });
  });

  it('refuses under reasons a rejection that gives none', () => {
    expect(refusalOf(() => rejectBody(' \n \n', messages))).toEqual({ field: 'reasons', message: 'reasons?' });
  });

  it('is drafted with one line per rule not met, in the checklist order', () => {
    const items = conformityChecklist(submittedDevice({ dataHosting: { storage: 'HDS_CLOUD' }, security: { etsiEn303645: false } }));
    expect(rejectionDraft(items, (item) => `${item.rule} missing`)).toBe('HDS missing\nETSI_EN_303_645 missing');
    expect(rejectionDraft(conformityChecklist(submittedDevice()), (item) => item.rule)).toBe('');
  });
});

describe('a status change and a recertification', () => {
  it('sends the reason trimmed, and refuses an empty one under reason', () => {
    expect(reasonOf('  Signalement de matériovigilance ', messages)).toBe('Signalement de matériovigilance');
    expect(refusalOf(() => reasonOf('   ', messages))).toEqual({ field: 'reason', message: 'reason?' });
  });

  it('extends to the end of the new day in Paris, with notes when written', () => {
    expect(recertifyBody({ validUntil: '2029-06-30', notes: '' }, messages)).toEqual({ validUntil: '2029-06-30T21:59:59.999Z' });
    expect(recertifyBody({ validUntil: '2029-06-30', notes: ' Audit annuel ' }, messages).notes).toBe('Audit annuel');
    expect(refusalOf(() => recertifyBody({ validUntil: 'demain', notes: '' }, messages))).toEqual({ field: 'validUntil', message: 'day?' });
  });
});
