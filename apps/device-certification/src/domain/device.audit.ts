import type { AuditEntry } from '@app/contracts';
import type { AuditDraft } from '@app/event-sourcing/decider/audit-draft';
import { disclosedEventData } from './device-texts';
import type { DeviceEvent } from './device.events';
import type { DeviceState } from './device.state';

/** Version of the certification rules the evaluator's decision was checked against. */
export const CERTIFICATION_RULES_VERSION = 'device-certification/2026.1';

const decisions: Record<DeviceEvent['type'], string> = {
  DeviceRegistered: 'REGISTERED',
  DeviceUpdated: 'UPDATED',
  DeviceSubmitted: 'SUBMITTED',
  DeviceCertified: 'CERTIFIED',
  DeviceRecertified: 'RECERTIFIED',
  DeviceRejected: 'REJECTED',
  DeviceSuspended: 'SUSPENDED',
  DeviceReinstated: 'REINSTATED',
  DeviceRevoked: 'REVOKED',
  DeviceCertificationExpired: 'EXPIRED',
};

/**
 * The audit entry of one step: what was decided and on which evidence. The
 * vendor's declarations are the evidence of registration and submission; the
 * granted terms (and the rules version they were checked against) are the
 * evidence of a certification. A device product holds no personal data; an
 * evaluator's free text (reasons, notes) is in the entry as its commitment
 * only, disclosed by this service to auditors and, but for rejection
 * reasons, to physicians (device-texts.ts).
 */
export function deviceAuditDraft(deviceId: string, events: DeviceEvent[], state: DeviceState, actor: AuditEntry['actor']): AuditDraft {
  const last = events[events.length - 1];
  const certificationStep = last.type === 'DeviceCertified' || last.type === 'DeviceRecertified';
  return {
    actor,
    action: `device.${decisions[last.type].toLowerCase()}`,
    subject: `device:${deviceId}`,
    relatedSubjects: [],
    decision: decisions[last.type],
    evidence: {
      status: state.status,
      events: events.map((event) => ({ type: event.type, data: disclosedEventData(deviceId, event) })),
    },
    ...(certificationStep ? { rulesVersion: CERTIFICATION_RULES_VERSION } : {}),
  };
}
