import type { AuditEntry } from '@app/contracts';
import { overridesHomeCoverage, partyOf } from './responsibility';

const entry = (over: Partial<AuditEntry>): AuditEntry =>
  ({ actor: { id: 'u', role: 'operator' }, action: 'x', subject: 'enrolment:e', relatedSubjects: [], decision: 'OK', evidence: {}, ...over }) as AuditEntry;
const incident = (cause: string) => entry({ action: 'enrolment.connectivity_incident_opened', evidence: { cause } });

describe('partyOf (DOMAIN.md responsibility)', () => {
  it.each([
    [{ subject: 'device:d', action: 'device.registered', decision: 'REGISTERED', actor: { id: 'v', role: 'vendor' } }, 'vendor'],
    [{ subject: 'device:d', action: 'device.certified', decision: 'CERTIFIED', actor: { id: 'e', role: 'evaluator' } }, 'evaluator'],
    [{ subject: 'device:d', action: 'device.expired', decision: 'EXPIRED', actor: { id: 's', role: 'system' } }, 'system'],
    [{ subject: 'prescription:p', action: 'prescription.issued', actor: { id: 'p', role: 'physician' } }, 'physician'],
    [{ subject: 'attempt:a', action: 'prescription.refused', actor: { id: 'p', role: 'physician' } }, 'physician'],
    [{ subject: 'enrolment:e', action: 'enrolment.consent_recorded', actor: { id: 'o', role: 'operator' } }, 'patient'],
    [{ subject: 'enrolment:e', action: 'enrolment.activated' }, 'operator'],
    [{ subject: 'claim:c', action: 'claim.adjudicated', actor: { id: 'c', role: 'claims_processor' } }, 'claims_processor'],
    [{ subject: 'claim:c', action: 'claim.cancelled', actor: { id: 'a', role: 'admin' } }, 'claims_processor'],
    [{ subject: 'claim:c', action: 'claim.contested', actor: { id: 'o', role: 'operator' } }, 'operator'],
    [{ subject: 'claim:c', action: 'claim.contested', actor: { id: 'v', role: 'vendor' } }, 'vendor'],
    [{ subject: 'claim:c', action: 'claim.created', actor: { id: 'system:billing', role: 'system' } }, 'system'],
  ] as Array<[Partial<AuditEntry>, string]>)('%o is the %s’s', (over, party) => {
    expect(partyOf(entry(over), { homeCoverageOverridden: false })).toBe(party);
  });

  it('gives a coverage incident to the prescriber only after a HOME_COVERAGE override', () => {
    expect(partyOf(incident('NETWORK_COVERAGE'), { homeCoverageOverridden: true })).toBe('physician');
    expect(partyOf(incident('NETWORK_COVERAGE'), { homeCoverageOverridden: false })).toBe('operator');
    expect(partyOf(incident('DEVICE_FAULT'), { homeCoverageOverridden: true })).toBe('vendor');
    expect(partyOf(incident('PATIENT'), { homeCoverageOverridden: false })).toBe('patient');
    expect(partyOf(incident('UNKNOWN'), { homeCoverageOverridden: true })).toBe('operator');
  });

  it('finds the override in a prescription entry’s evidence only', () => {
    const overrides = [{ ruleId: 'HOME_COVERAGE', justification: 'j' }];
    expect(overridesHomeCoverage([entry({ subject: 'prescription:p', evidence: { request: { overrides } } })])).toBe(true);
    expect(overridesHomeCoverage([entry({ subject: 'prescription:p', evidence: { overrides: [{ ruleId: 'ADULT_PATIENT' }] } })])).toBe(false);
    expect(overridesHomeCoverage([entry({ subject: 'enrolment:e', evidence: { overrides } })])).toBe(false);
  });
});
