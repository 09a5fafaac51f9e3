import type { EnrolledPrescriptionV1, IncidentCauseV1, ResponsiblePartyV1 } from '@app/contracts';

/**
 * Who answers for a connectivity incident (DOMAIN.md "Responsibility"): a
 * coverage incident is the prescriber's when they overrode the HOME_COVERAGE
 * warning (they were told and chose this device), the operator's otherwise
 * (they should have planned another connectivity); a device fault is the
 * vendor's, the patient's doing the patient's, and an unknown cause the
 * operator's until it is named.
 */
export function responsibleParty(cause: IncidentCauseV1, prescription: Pick<EnrolledPrescriptionV1, 'homeCoverageOverridden'>): ResponsiblePartyV1 {
  switch (cause) {
    case 'NETWORK_COVERAGE':
      return prescription.homeCoverageOverridden ? 'physician' : 'operator';
    case 'DEVICE_FAULT':
      return 'vendor';
    case 'PATIENT':
      return 'patient';
    case 'UNKNOWN':
      return 'operator';
  }
}
