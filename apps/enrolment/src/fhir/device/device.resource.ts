import { EU_UDI_JURISDICTION, patientReference, udiIssuer } from '@app/fhir';
import type { Device } from '@medplum/fhirtypes';
import type { EnrolmentDeviceRow } from '../../projections/enrolment-devices.repository';
import { enrolmentMeta, operatorReference } from '../enrolment-fhir';

export type DeviceStatus = 'active' | 'inactive';

/** FHIR `status` (device-status, required) -> whether the serial is in use; undefined when either is asked. */
export function inUseFor(statuses: readonly string[] | undefined): boolean | undefined {
  if (!statuses) return undefined;
  const active = statuses.includes('active');
  const inactive = statuses.includes('inactive');
  return active === inactive ? undefined : active;
}

/**
 * A serial assigned to an enrolment as a FHIR Device: an instance of the
 * certified product (its DeviceDefinition), carrying its UDI-DI and serial,
 * with the patient by pseudonym and the operator org as owner. Active while
 * it is the device in use; replaced, or its enrolment ended, inactive.
 * `entryType` is unknown: the operator's platform sends the UDI-DI and
 * serial through the API, which does not say whether they were scanned or typed.
 */
export function deviceResource(row: EnrolmentDeviceRow): Device {
  const status: DeviceStatus = row.inUse ? 'active' : 'inactive';
  return {
    resourceType: 'Device',
    id: row.id,
    meta: enrolmentMeta(row.version, row.updatedAt),
    definition: { reference: `DeviceDefinition/${row.deviceId}` },
    udiCarrier: [
      {
        deviceIdentifier: row.udiDi,
        issuer: udiIssuer(row.udiDi),
        jurisdiction: EU_UDI_JURISDICTION,
        entryType: 'unknown',
      },
    ],
    status,
    serialNumber: row.serialNumber,
    patient: patientReference(row.patientPseudonym),
    owner: operatorReference(row.operatorOrg),
  };
}
