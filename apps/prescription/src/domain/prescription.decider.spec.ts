import { DomainError } from '@app/contracts';
import { foldEvents } from '@app/event-sourcing';
import { evaluatePrescription } from './evaluation/evaluate-prescription';
import type { IssuePrescriptionCommand } from './prescription.commands';
import { prescriptionDecider } from './prescription.decider';
import type { PrescriptionEvent } from './prescription.events';
import { certifiedDevice, evaluationInput, REFERENTIAL_2026_1 } from './prescription.fixtures';

const ID = '01950000-0000-7000-8000-0000000000p1';
const NOW = new Date('2026-03-15T09:00:00.000Z');
const RPPS = '10012345673';

function issue(input = evaluationInput(), overrides: IssuePrescriptionCommand['requestedOverrides'] = []): IssuePrescriptionCommand {
  return {
    type: 'IssuePrescription',
    now: NOW,
    evaluation: evaluatePrescription(input, REFERENTIAL_2026_1),
    requestedOverrides: overrides,
    device: input.device,
    prescription: {
      prescriptionId: ID,
      prescriber: input.prescriber,
      patient: { pseudonym: 'a'.repeat(64), identityEncrypted: 'v1.x.y.z', ald: true, homeCellularCoverage: input.patient.homeCellularCoverage },
      operatorOrg: 'operator-1',
      device: { id: certifiedDevice().deviceId, udiDi: '03760123450010' },
      indication: input.indication,
      monitoringMode: input.monitoringMode,
      durationMonths: input.durationMonths,
      startDate: input.startDate,
      endDate: input.endDate,
      renewalOf: input.renewalOf,
    },
  };
}

const decide = (command: Parameters<typeof prescriptionDecider.decide>[0], events: PrescriptionEvent[] = []) =>
  prescriptionDecider.decide(command, foldEvents(prescriptionDecider, events));

describe('prescriptionDecider', () => {
  it('issues with the evaluation, the referential version and the certification relied on', () => {
    const [event] = decide(issue());
    expect(event.type).toBe('PrescriptionIssued');
    expect(event.data).toMatchObject({
      referentialVersion: '2026.1',
      overrides: [],
      deviceCertification: { status: 'CERTIFIED', validUntil: '2027-12-31T00:00:00.000Z', position: { version: 3 } },
      issuedAt: NOW.toISOString(),
      startDate: '2026-03-15',
      endDate: '2026-09-14',
    });
    expect((event.data as { evaluation: unknown[] }).evaluation).toHaveLength(10);
  });

  it('keeps the justified overrides in the event', () => {
    const input = evaluationInput({ patient: { birthDate: '2010-01-01', homeCellularCoverage: 'GOOD', ald: true } });
    const justification = 'Paediatric cardiologist follow-up agreed with the family';
    const [event] = decide(issue(input, [{ ruleId: 'ADULT_PATIENT', justification }]));
    expect(event.data).toMatchObject({ overrides: [{ ruleId: 'ADULT_PATIENT', justification }] });
  });

  it('refuses what the referential refuses, with the evaluation', () => {
    const refused = () => decide(issue(evaluationInput({ device: certifiedDevice({ status: 'SUSPENDED' }) })));
    expect(refused).toThrow(DomainError);
    expect(refused).toThrow(/DEVICE_CERTIFIED/);
  });

  it('cancels by its prescriber only, once', () => {
    const issued = decide(issue());
    const cancel = (actorRpps: string) => ({ type: 'CancelPrescription' as const, now: NOW, reason: 'patient moved', actorRpps });
    expect(() => decide(cancel('10000000000'), issued)).toThrow(expect.objectContaining({ code: 'PRESCRIPTION.NOT_PRESCRIBER' }));
    const cancelled = decide(cancel(RPPS), issued);
    expect(cancelled).toEqual([
      { type: 'PrescriptionCancelled', data: { reason: 'patient moved', cancelledAt: NOW.toISOString(), cancelledBy: { rpps: RPPS } } },
    ]);
    expect(() => decide(cancel(RPPS), [...issued, ...cancelled])).toThrow(expect.objectContaining({ code: 'PRESCRIPTION.NOT_ISSUED' }));
  });

  it('expires the day after its end date, not on it', () => {
    const issued = decide(issue());
    const expire = (today: string) => ({ type: 'ExpirePrescription' as const, now: NOW, today });
    expect(() => decide(expire('2026-09-14'), issued)).toThrow(expect.objectContaining({ code: 'PRESCRIPTION.NOT_YET_ENDED' }));
    expect(decide(expire('2026-09-15'), issued)).toEqual([
      { type: 'PrescriptionExpired', data: { endDate: '2026-09-14', expiredAt: NOW.toISOString() } },
    ]);
  });
});
