import { certificationViolations, productConformityViolations } from './certification-rules';
import { NOW, product } from './device.fixtures';

const terms = { validUntil: '2027-12-31T00:00:00.000Z', lppCode: '1612544', certifiedIndications: ['HEART_FAILURE' as const] };
const fields = (details: { field?: string }[]) => details.map((detail) => detail.field);

describe('certification rules', () => {
  it('accepts a conform product and terms', () => {
    expect(certificationViolations(product(), terms, NOW)).toEqual([]);
  });

  it.each(['IIa', 'IIb', 'III'] as const)('requires a notified body certificate for class %s', (ceClass) => {
    expect(fields(productConformityViolations(product({ ceClass, notifiedBodyCertificate: undefined })))).toEqual([
      'notifiedBodyCertificate',
    ]);
  });

  it('does not require a notified body certificate for class I', () => {
    expect(productConformityViolations(product({ ceClass: 'I', notifiedBodyCertificate: undefined }))).toEqual([]);
  });

  it('requires an HDS certificate only for cloud hosting', () => {
    expect(fields(productConformityViolations(product({ dataHosting: { storage: 'HDS_CLOUD' } })))).toEqual([
      'dataHosting.hdsCertificateId',
    ]);
    expect(productConformityViolations(product({ dataHosting: { storage: 'ON_DEVICE' } }))).toEqual([]);
  });

  it('names every broken term at once', () => {
    const found = certificationViolations(
      product({ security: { etsiEn303645: false } }),
      { validUntil: NOW.toISOString(), lppCode: '16125', certifiedIndications: ['HEART_FAILURE', 'DIABETES'] },
      NOW,
    );
    expect(fields(found)).toEqual(['security.etsiEn303645', 'validUntil', 'lppCode', 'certifiedIndications[1]']);
  });

  it('requires at least one certified indication', () => {
    expect(fields(certificationViolations(product(), { ...terms, certifiedIndications: [] }, NOW))).toEqual([
      'certifiedIndications',
    ]);
  });
});
