import { foldEvents } from '@app/event-sourcing/decider/decider';
import { deciderSpecification } from '@app/testing/decider-specification';
import { patientAuditDraft } from './patient.audit';
import { patientDecider } from './patient.decider';
import { ERASURE_ID, NOTE, NOW, PSEUDONYM, erase, erased } from './patient.fixtures';

// Given these past events, when this command, then these events or this refusal.
const given = deciderSpecification(patientDecider);

describe('patient erasure decider', () => {
  it('erases a patient whose keys it destroyed, with the legal basis, the note commitment and the generations', () =>
    given([]).when(erase({ keys: { known: true, destroyed: 2 } })).then([erased({ generationsDestroyed: 2 })]));

  it('records an erasure without a note', () =>
    given([]).when(erase({ note: null, legalBasis: 'RETENTION_ENDED' }))
      .thenMatches([{ type: 'PatientErased', data: { note: null, legalBasis: 'RETENTION_ENDED' } }]));

  it('refuses a pseudonym of whom no key ever existed: 404', () =>
    given([]).when(erase({ keys: { known: false, destroyed: 0 } })).thenThrows('PATIENT.NOT_FOUND', 'not_found'));

  it('refuses an erased patient with nothing left to destroy: 409, naming when', () => {
    const refusal = given([erased()]).when(erase({ keys: { known: true, destroyed: 0 }, erasureId: 'another' })).refusal();
    expect(refusal).toMatchObject({ code: 'PATIENT.ALREADY_ERASED', kind: 'conflict', extra: { erasedAt: NOW.toISOString() } });
  });

  it('erases again a patient who has keys again since, rather than keep those alive', () =>
    given([erased()]).when(erase({ keys: { known: true, destroyed: 1 }, legalBasis: 'OTHER' }))
      .thenMatches([{ type: 'PatientErased', data: { legalBasis: 'OTHER', generationsDestroyed: 1 } }]));

  it('records keys that were all gone with no erasure recorded (0 generations), so every service purges', () =>
    given([]).when(erase({ keys: { known: true, destroyed: 0 } }))
      .thenMatches([{ type: 'PatientErased', data: { generationsDestroyed: 0 } }]));

  it('folds to the latest erasure, counting them', () => {
    const state = foldEvents(patientDecider, [erased(), erased({ legalBasis: 'OTHER', erasedAt: '2027-01-01T00:00:00.000Z' })]);
    expect(state).toMatchObject({ status: 'ERASED', erasures: 2, legalBasis: 'OTHER', erasedAt: '2027-01-01T00:00:00.000Z' });
  });
});

describe('the audit entry of an erasure', () => {
  it('is on patient:<pseudonym>, with the legal basis, the commitment of the note and the generations destroyed', () => {
    const draft = patientAuditDraft([erased({ generationsDestroyed: 3 })], { id: 'admin-user', role: 'admin' });
    expect(draft).toEqual({
      actor: { id: 'admin-user', role: 'admin' },
      action: 'patient.erased',
      subject: `patient:${PSEUDONYM}`,
      relatedSubjects: [],
      decision: 'ERASED',
      evidence: { erasureId: ERASURE_ID, legalBasis: 'ERASURE_REQUEST', note: NOTE, generationsDestroyed: 3 },
    });
  });
});
