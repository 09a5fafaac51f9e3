import type { CertificationFact, CertificationStatus, CertificationTerms, DeviceFacts } from './certification-fact';

const STATUS_AFTER: Record<CertificationFact['type'], CertificationStatus> = {
  DeviceCertified: 'CERTIFIED',
  DeviceRecertified: 'CERTIFIED',
  DeviceSuspended: 'SUSPENDED',
  DeviceReinstated: 'CERTIFIED',
  DeviceRevoked: 'REVOKED',
  DeviceCertificationExpired: 'EXPIRED',
};

/**
 * The device's certification at `at`: status, validity, certified indications,
 * connectivity and UDI-DI, from the facts that had happened by then. Null when
 * the device had never been certified at that instant. A certification past
 * its `validUntil` counts as EXPIRED even if the expiry event is not in yet:
 * validity is a date, not a message.
 */
export function deviceFactsAt(deviceId: string, facts: readonly CertificationFact[], at: Date): DeviceFacts | null {
  const known = facts
    .filter((fact) => Date.parse(fact.occurredAt) <= at.getTime())
    .sort((a, b) => a.version - b.version);
  let terms: CertificationTerms | undefined;
  let status: CertificationStatus | undefined;
  let last: CertificationFact | undefined;
  for (const fact of known) {
    if (fact.terms) terms = fact.terms;
    status = STATUS_AFTER[fact.type];
    last = fact;
  }
  if (!terms || !status || !last) return null;
  const lapsed = (status === 'CERTIFIED' || status === 'SUSPENDED') && Date.parse(terms.validUntil) <= at.getTime();
  return {
    deviceId,
    status: lapsed ? 'EXPIRED' : status,
    validUntil: terms.validUntil,
    certifiedIndications: terms.certifiedIndications,
    connectivity: terms.connectivity,
    udiDi: terms.udiDi,
    lppCode: terms.lppCode,
    position: { eventId: last.eventId, version: last.version, occurredAt: last.occurredAt },
  };
}
