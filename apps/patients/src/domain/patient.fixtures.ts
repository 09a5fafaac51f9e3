import type { PatientCommand } from './patient.commands';
import type { PatientEvent } from './patient.events';

export const PSEUDONYM = 'ab'.repeat(32);
export const NOW = new Date('2026-12-01T10:00:00.000Z');
export const ERASURE_ID = '0190c0de-0000-7000-8000-0000000000e1';
export const NOTE = { commitment: 'c0'.repeat(32) };

export const erase = (fields: Partial<PatientCommand> = {}): PatientCommand => ({
  type: 'ErasePatient',
  now: NOW,
  erasureId: ERASURE_ID,
  pseudonym: PSEUDONYM,
  legalBasis: 'ERASURE_REQUEST',
  note: NOTE,
  keys: { known: true, destroyed: 1 },
  requestedBy: 'admin-user',
  ...fields,
});

export const erased = (fields: Partial<Extract<PatientEvent, { type: 'PatientErased' }>['data']> = {}): PatientEvent => ({
  type: 'PatientErased',
  data: {
    erasureId: ERASURE_ID,
    pseudonym: PSEUDONYM,
    legalBasis: 'ERASURE_REQUEST',
    note: NOTE,
    generationsDestroyed: 1,
    erasedAt: NOW.toISOString(),
    requestedBy: 'admin-user',
    ...fields,
  },
});
