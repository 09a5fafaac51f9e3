import { organizationBySiret } from '@app/fhir';
import { EU_UDI_JURISDICTION, udiIssuer } from '@app/fhir';
import type { DeviceDefinition, DeviceDefinitionProperty } from '@medplum/fhirtypes';
import type { DeviceView } from '../../projections/device-view';
import { concept, DEVICE_DEFINITION_SYSTEMS as SYSTEMS } from './device-definition.codes';
import { ceMarkingExtension, certificationExtension, dataHostingExtension } from './device-definition.extensions';

/**
 * A product of the catalogue, as GET /v1/devices/:id shows it, as a FHIR R4
 * DeviceDefinition (id = the device's id). Everything comes from the view
 * the JSON API answers the same caller with; left out are the vendor's
 * evidence reference (pen-test report) and its declared FHIR profiles, which
 * no R4 element holds cleanly. No FR Core profile: FR Core defines none for
 * DeviceDefinition.
 */
export function toDeviceDefinition(view: DeviceView): DeviceDefinition {
  const exploitant = view.exploitant ?? view.manufacturer;
  return {
    resourceType: 'DeviceDefinition',
    id: view.id,
    meta: { versionId: String(view.version), lastUpdated: view.updatedAt },
    extension: [certificationExtension(view), ceMarkingExtension(view), dataHostingExtension(view)],
    udiDeviceIdentifier: [{ deviceIdentifier: view.udiDi, issuer: udiIssuer(view.udiDi), jurisdiction: EU_UDI_JURISDICTION }],
    manufacturerReference: organizationBySiret(view.manufacturer.siret, view.manufacturer.name),
    deviceName: [{ name: view.name, type: 'user-friendly-name' }],
    modelNumber: view.model,
    property: properties(view),
    // The exploitant operates the device for patients and is paid its technical fee (DOMAIN.md): R4's
    // "organization responsible for the provision and ongoing maintenance of the device".
    owner: organizationBySiret(exploitant.siret, exploitant.name),
  };
}

/** What the vendor declares of the product itself, each a coded `property` of the platform's vocabularies. */
function properties({ indications, connectivity, security }: DeviceView): DeviceDefinitionProperty[] {
  const property = (type: string, system: string, codes: readonly string[]): DeviceDefinitionProperty => ({
    type: concept(SYSTEMS.property, type),
    valueCode: codes.map((code) => concept(system, code)),
  });
  return [
    // Declared, not certified: the certified ones are in the certification extension.
    property('declared-indication', SYSTEMS.indication, indications),
    property('connectivity', SYSTEMS.connectivity, connectivity),
    // Only a conformity the vendor claims: `false` says nothing a client could use as a standard.
    ...(security.etsiEn303645 ? [property('security-standard', SYSTEMS.securityStandard, ['ETSI_EN_303_645'])] : []),
  ];
}
