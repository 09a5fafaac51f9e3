import type { ErrorDetail } from '@app/contracts';
import type { DeviceProductData, IndicationCode } from './device-product';

const LPP_CODE = /^\d{7}$/;
const NEEDS_NOTIFIED_BODY = new Set(['IIa', 'IIb', 'III']);

const violation = (field: string, code: string, message: string): ErrorDetail => ({ field, code, message });

/**
 * What the vendor must have declared before anyone may certify the product.
 * Checked at submission too, so a vendor learns early what is missing.
 */
export function productConformityViolations(product: DeviceProductData): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  if (product.dataHosting.storage === 'HDS_CLOUD' && !product.dataHosting.hdsCertificateId) {
    found.push(
      violation('dataHosting.hdsCertificateId', 'HDS_CERTIFICATE_REQUIRED', 'health data hosted in the cloud needs an HDS certificate id'),
    );
  }
  if (NEEDS_NOTIFIED_BODY.has(product.ceClass) && !product.notifiedBodyCertificate) {
    found.push(
      violation(
        'notifiedBodyCertificate',
        'NOTIFIED_BODY_CERTIFICATE_REQUIRED',
        `CE class ${product.ceClass} needs a notified body certificate`,
      ),
    );
  }
  return found;
}

export interface CertificationTerms {
  validUntil: string;
  lppCode: string;
  certifiedIndications: IndicationCode[];
}

/** The certification rules of the evaluation: the product's conformity plus the terms granted. */
export function certificationViolations(
  product: DeviceProductData,
  terms: CertificationTerms,
  now: Date,
): ErrorDetail[] {
  const found = productConformityViolations(product);
  if (!product.security.etsiEn303645) {
    found.push(
      violation('security.etsiEn303645', 'ETSI_EN_303645_REQUIRED', 'the product must conform to ETSI EN 303 645 to be certified'),
    );
  }
  found.push(...termsViolations(product, terms, now));
  return found;
}

/** Terms alone, for a recertification of a product already found conform. */
export function termsViolations(product: DeviceProductData, terms: CertificationTerms, now: Date): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  if (!(new Date(terms.validUntil).getTime() > now.getTime())) {
    found.push(violation('validUntil', 'VALID_UNTIL_NOT_IN_FUTURE', `validUntil ${terms.validUntil} is not in the future`));
  }
  if (!LPP_CODE.test(terms.lppCode)) {
    found.push(violation('lppCode', 'LPP_CODE_INVALID', 'lppCode must be 7 digits'));
  }
  if (terms.certifiedIndications.length === 0) {
    found.push(violation('certifiedIndications', 'NO_INDICATION', 'at least one indication must be certified'));
  }
  terms.certifiedIndications.forEach((indication, index) => {
    if (!product.indications.includes(indication)) {
      found.push(
        violation(
          `certifiedIndications[${index}]`,
          'INDICATION_NOT_DECLARED',
          `${indication} is not among the indications declared by the vendor`,
        ),
      );
    }
  });
  return found;
}
