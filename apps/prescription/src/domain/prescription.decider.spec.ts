import { deciderSpecification } from '@app/testing/decider-specification';
import { evaluatePrescription } from './evaluation/evaluate-prescription';
import type { IssuePrescriptionCommand } from './prescription.commands';
import { prescriptionDecider } from './prescription.decider';
import type { PrescriptionEvent } from './prescription.events';
import { certifiedDevice, evaluationInput, REFERENTIAL_2026_1 } from './prescription.fixtures';

const ID = '01950000-0000-7000-8000-0000000000p1';
const NOW = new Date('2026-03-15T09:00:00.000Z');
const RPPS = '10012345673';
/** What the handler seals; the decider only carries it. */
const sealed = (text: string) => ({ commitment: `c(${text})`, ciphertext: `e(${text})` });

function issue(input = evaluationInput(), overrides: IssuePrescriptionCommand['requestedOverrides'] = []): IssuePrescriptionCommand {
  return {
    type: 'IssuePrescription',
    now: NOW,
    evaluation: evaluatePrescription(input, REFERENTIAL_2026_1),
    requestedOverrides: overrides,
    sealedJustifications: Object.fromEntries(overrides.map(({ ruleId, justification }) => [ruleId, sealed(justification)])),
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

// Given these past events, when this command, then these events or this refusal.
const given = deciderSpecification(prescriptionDecider);
const issuedEvents = (): PrescriptionEvent[] => given([]).when(issue()).events();

describe('prescriptionDecider', () => {
  it('issues with the evaluation, the referential version and the certification relied on', () => {
    given([])
      .when(issue())
      .thenMatches([
        {
          type: 'PrescriptionIssued',
          data: {
            referentialVersion: '2026.1',
            overrides: [],
            deviceCertification: { status: 'CERTIFIED', validUntil: '2027-12-31T00:00:00.000Z', position: { version: 3 } },
            issuedAt: NOW.toISOString(),
            startDate: '2026-03-15',
            endDate: '2026-09-14',
          },
        },
      ]);
    const [event] = issuedEvents();
    expect(event.type === 'PrescriptionIssued' && event.data.evaluation).toHaveLength(10);
  });

  it('keeps the justified overrides in the event, each justification as the handler sealed it', () => {
    const input = evaluationInput({ patient: { birthDate: '2010-01-01', homeCellularCoverage: 'GOOD', ald: true } });
    const justification = 'Paediatric cardiologist follow-up agreed with the family';
    given([])
      .when(issue(input, [{ ruleId: 'ADULT_PATIENT', justification }]))
      .thenMatches([{ type: 'PrescriptionIssued', data: { overrides: [{ ruleId: 'ADULT_PATIENT', justification: sealed(justification) }] } }]);
  });

  it('refuses what the referential refuses, with the evaluation', () => {
    const refused = given([]).when(issue(evaluationInput({ device: certifiedDevice({ status: 'SUSPENDED' }) })));
    refused.thenThrows('PRESCRIPTION.RULES_REFUSED', 'rule');
    expect(refused.refusal().message).toMatch(/DEVICE_CERTIFIED/);
  });

  it('refuses to issue the same prescription twice', () => {
    given(issuedEvents()).when(issue()).thenThrows('PRESCRIPTION.ALREADY_EXISTS', 'conflict');
  });

  it('cancels by its prescriber only, once', () => {
    const issued = issuedEvents();
    const cancel = (actorRpps: string) => ({ type: 'CancelPrescription' as const, now: NOW, reason: sealed('patient moved'), actorRpps });
    given(issued).when(cancel('10000000000')).thenThrows('PRESCRIPTION.NOT_PRESCRIBER', 'forbidden');
    const cancelled: PrescriptionEvent = {
      type: 'PrescriptionCancelled',
      data: { reason: sealed('patient moved'), cancelledAt: NOW.toISOString(), cancelledBy: { rpps: RPPS } },
    };
    given(issued).when(cancel(RPPS)).then([cancelled]);
    given([...issued, cancelled]).when(cancel(RPPS)).thenThrows('PRESCRIPTION.NOT_ISSUED', 'conflict');
  });

  it('expires the day after its end date, not on it', () => {
    const expire = (today: string) => ({ type: 'ExpirePrescription' as const, now: NOW, today });
    given(issuedEvents()).when(expire('2026-09-14')).thenThrows('PRESCRIPTION.NOT_YET_ENDED', 'conflict');
    given(issuedEvents())
      .when(expire('2026-09-15'))
      .then([{ type: 'PrescriptionExpired', data: { endDate: '2026-09-14', expiredAt: NOW.toISOString() } }]);
  });

  it('refuses to act on a prescription that does not exist', () => {
    given([]).when({ type: 'ExpirePrescription', now: NOW, today: '2026-09-15' }).thenThrows('PRESCRIPTION.NOT_FOUND', 'not_found');
  });
});
