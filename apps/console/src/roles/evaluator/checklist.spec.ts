import { type ChecklistItem, checklistReady, conformityChecklist, notMet, unchecked } from './checklist';
import { submittedDevice } from './device.fixture';

const outcomes = (items: ChecklistItem[]) => items.map((item) => [item.rule, item.outcome]);

describe('the conformity checklist: the declaration against the certification rules', () => {
  it('lists HDS, the notified body and ETSI EN 303 645, in that order, each with the field the API names and the evidence declared', () => {
    expect(conformityChecklist(submittedDevice())).toEqual([
      { rule: 'HDS', outcome: 'MET', field: 'dataHosting.hdsCertificateId', evidence: 'HDS-2026-0042' },
      { rule: 'NOTIFIED_BODY', outcome: 'MET', field: 'notifiedBodyCertificate', evidence: 'NB-0459-2026-117' },
      { rule: 'ETSI_EN_303_645', outcome: 'MET', field: 'security.etsiEn303645', evidence: 'PT-2026-03' },
    ]);
  });

  it('asks an HDS certificate only of data hosted in the cloud', () => {
    expect(conformityChecklist(submittedDevice({ dataHosting: { storage: 'HDS_CLOUD' } }))[0]).toEqual({ rule: 'HDS', outcome: 'NOT_MET', field: 'dataHosting.hdsCertificateId' });
    expect(conformityChecklist(submittedDevice({ dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: '' } }))[0].outcome).toBe('NOT_MET');
    expect(conformityChecklist(submittedDevice({ dataHosting: { storage: 'ON_DEVICE' } }))[0].outcome).toBe('NOT_APPLICABLE');
    expect(conformityChecklist(submittedDevice({ dataHosting: { storage: 'PATIENT_CONTROLLED' } }))[0].outcome).toBe('NOT_APPLICABLE');
  });

  it('asks a notified body certificate of CE classes IIa, IIb and III, not of class I', () => {
    for (const ceClass of ['IIa', 'IIb', 'III'] as const) {
      expect(conformityChecklist(submittedDevice({ ceClass, notifiedBodyCertificate: undefined }))[1].outcome).toBe('NOT_MET');
    }
    expect(conformityChecklist(submittedDevice({ ceClass: 'I', notifiedBodyCertificate: undefined }))[1].outcome).toBe('NOT_APPLICABLE');
  });

  it('always asks ETSI EN 303 645, the penetration test report as its evidence', () => {
    expect(conformityChecklist(submittedDevice({ security: { etsiEn303645: false, penTestReportRef: 'PT-1' } }))[2]).toEqual({
      rule: 'ETSI_EN_303_645',
      outcome: 'NOT_MET',
      field: 'security.etsiEn303645',
      evidence: 'PT-1',
    });
    expect(conformityChecklist(submittedDevice({ security: { etsiEn303645: true } }))[2]).toEqual({ rule: 'ETSI_EN_303_645', outcome: 'MET', field: 'security.etsiEn303645' });
  });

  it('is ready once every applicable rule is met and its evidence ticked as checked', () => {
    const items = conformityChecklist(submittedDevice({ ceClass: 'I', dataHosting: { storage: 'ON_DEVICE' } }));
    expect(outcomes(items)).toEqual([
      ['HDS', 'NOT_APPLICABLE'],
      ['NOTIFIED_BODY', 'NOT_APPLICABLE'],
      ['ETSI_EN_303_645', 'MET'],
    ]);
    expect(checklistReady(items, {})).toBe(false);
    expect(unchecked(items, {}).map((item) => item.rule)).toEqual(['ETSI_EN_303_645']);
    expect(checklistReady(items, { ETSI_EN_303_645: true })).toBe(true);
    expect(checklistReady(items, { ETSI_EN_303_645: false })).toBe(false);
  });

  it('is never ready while a rule is not met, ticks or not', () => {
    const items = conformityChecklist(submittedDevice({ notifiedBodyCertificate: undefined }));
    expect(notMet(items).map((item) => item.rule)).toEqual(['NOTIFIED_BODY']);
    expect(checklistReady(items, { HDS: true, NOTIFIED_BODY: true, ETSI_EN_303_645: true })).toBe(false);
  });
});
