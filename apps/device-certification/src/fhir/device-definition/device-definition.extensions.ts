import { lppCoding, organizationByPlatformId } from '@app/fhir';
import type { Extension } from '@medplum/fhirtypes';
import type { DeviceView } from '../../projections/device-view';
import { coding, DEVICE_DEFINITION_EXTENSIONS, DEVICE_DEFINITION_SYSTEMS as SYSTEMS } from './device-definition.codes';

/**
 * `status` always (R4's DeviceDefinition has no status element: this is what
 * the `status` search reads); then, once a product was certified, the terms
 * in force or last in force: `validFrom`, `validUntil`, `lppCode` (an LPP
 * coding), one `certifiedIndication` per indication and the `evaluator`.
 */
export function certificationExtension({ status, certification }: Pick<DeviceView, 'status' | 'certification'>): Extension {
  const terms: Extension[] = certification
    ? [
        { url: 'validFrom', valueDateTime: certification.validFrom },
        { url: 'validUntil', valueDateTime: certification.validUntil },
        { url: 'lppCode', valueCoding: lppCoding(certification.lppCode) },
        ...certification.certifiedIndications.map((code) => ({ url: 'certifiedIndication', valueCoding: coding(SYSTEMS.indication, code) })),
        { url: 'evaluator', valueReference: organizationByPlatformId(SYSTEMS.evaluator, certification.evaluatorOrg) },
      ]
    : [];
  return {
    url: DEVICE_DEFINITION_EXTENSIONS.certification,
    extension: [{ url: 'status', valueCoding: coding(SYSTEMS.certificationStatus, status) }, ...terms],
  };
}

/** The MDR class, and the notified body's certificate when the class needs one (a class I product may have none). */
export function ceMarkingExtension({ ceClass, notifiedBodyCertificate }: Pick<DeviceView, 'ceClass' | 'notifiedBodyCertificate'>): Extension {
  return {
    url: DEVICE_DEFINITION_EXTENSIONS.ceMarking,
    extension: [
      { url: 'class', valueCoding: coding(SYSTEMS.ceClass, ceClass, `Class ${ceClass}`) },
      ...(notifiedBodyCertificate ? [{ url: 'notifiedBodyCertificate', valueString: notifiedBodyCertificate }] : []),
    ],
  };
}

/** HDS_CLOUD, ON_DEVICE or PATIENT_CONTROLLED, and the host's HDS certificate when declared. */
export function dataHostingExtension({ dataHosting }: Pick<DeviceView, 'dataHosting'>): Extension {
  return {
    url: DEVICE_DEFINITION_EXTENSIONS.dataHosting,
    extension: [
      { url: 'storage', valueCoding: coding(SYSTEMS.dataStorage, dataHosting.storage) },
      ...(dataHosting.hdsCertificateId ? [{ url: 'hdsCertificate', valueString: dataHosting.hdsCertificateId }] : []),
    ],
  };
}
