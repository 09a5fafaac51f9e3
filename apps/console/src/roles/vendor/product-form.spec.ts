import type { DeviceView } from '../../devices/device-view';
import { emptyProductForm, productBody, productFormOf, type ProductForm } from './product-form';

const filled: ProductForm = {
  ...emptyProductForm('73282932000074'),
  name: ' CardioWatch ',
  model: 'CW-2',
  udiDi: '03760123450010',
  manufacturerName: 'Cardio SAS',
  ceClass: 'IIa',
  notifiedBodyCertificate: 'NB-0459',
  indications: ['HEART_FAILURE'],
  connectivity: ['CELLULAR_4G', 'LPWAN'],
  storage: 'HDS_CLOUD',
  hdsCertificateId: 'HDS-77',
  etsiEn303645: true,
  penTestReportRef: '',
};

const device: DeviceView = {
  id: '0190a0b0-0000-7000-8000-000000000001',
  status: 'REJECTED',
  version: 4,
  name: 'CardioWatch',
  model: 'CW-2',
  udiDi: '03760123450010',
  manufacturer: { siret: '73282932000074', name: 'Cardio SAS' },
  ceClass: 'I',
  indications: ['DIABETES'],
  connectivity: ['WIFI'],
  dataHosting: { storage: 'ON_DEVICE' },
  security: { etsiEn303645: false },
  fhirProfiles: ['http://example.org/StructureDefinition/x'],
  exploitant: { siret: '73282932000074', name: 'Cardio SAS' },
  certification: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
};

describe('the product form', () => {
  it("starts empty but for the manufacturer's SIRET, the signed-in vendor's org", () => {
    const form = emptyProductForm('73282932000074');
    expect(form.manufacturerSiret).toBe('73282932000074');
    expect([form.name, form.ceClass, form.storage, form.indications]).toEqual(['', '', '', []]);
  });

  it("gives API.md's body: texts trimmed, SIRET digits only, blank optional texts left out", () => {
    expect(productBody({ ...filled, manufacturerSiret: '732 829 320 00074' })).toEqual({
      name: 'CardioWatch',
      model: 'CW-2',
      udiDi: '03760123450010',
      manufacturer: { siret: '73282932000074', name: 'Cardio SAS' },
      ceClass: 'IIa',
      notifiedBodyCertificate: 'NB-0459',
      indications: ['HEART_FAILURE'],
      connectivity: ['CELLULAR_4G', 'LPWAN'],
      dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-77' },
      security: { etsiEn303645: true },
    });
  });

  it('leaves out a choice not made, so the API names the missing field', () => {
    const body = productBody({ ...filled, ceClass: '', storage: '' });
    expect(body).not.toHaveProperty('ceClass');
    expect(body.dataHosting).toEqual({ hdsCertificateId: 'HDS-77' });
  });

  it('names an exploitant only when the vendor says another company operates the device', () => {
    expect(productBody({ ...filled, exploitantSiret: '44306184100047', exploitantName: 'Télésuivi' })).not.toHaveProperty('exploitant');
    expect(productBody({ ...filled, hasExploitant: true, exploitantSiret: '44306184100047', exploitantName: ' Télésuivi ' }).exploitant).toEqual({
      siret: '44306184100047',
      name: 'Télésuivi',
    });
  });

  it('reads a declared product back, the default exploitant (its manufacturer) not shown as another company, its FHIR profiles kept', () => {
    const form = productFormOf(device);
    expect(form).toMatchObject({ ceClass: 'I', storage: 'ON_DEVICE', hdsCertificateId: '', etsiEn303645: false, hasExploitant: false, indications: ['DIABETES'] });
    expect(productBody(form)).toEqual({
      name: 'CardioWatch',
      model: 'CW-2',
      udiDi: '03760123450010',
      manufacturer: { siret: '73282932000074', name: 'Cardio SAS' },
      ceClass: 'I',
      indications: ['DIABETES'],
      connectivity: ['WIFI'],
      dataHosting: { storage: 'ON_DEVICE' },
      security: { etsiEn303645: false },
      fhirProfiles: ['http://example.org/StructureDefinition/x'],
    });
    expect(productFormOf({ ...device, exploitant: { siret: '44306184100047', name: 'Télésuivi' } }).hasExploitant).toBe(true);
  });
});
