import { dossierScope, type ScopedEntry } from './dossier-scope';

// patient:<pseudonym> is a subject API.md names that the SubjectRef type does not spell yet.
const e = (subject: string, ...relatedSubjects: string[]): ScopedEntry => ({ subject, relatedSubjects }) as ScopedEntry;

describe('dossierScope (who belongs to a prescription dossier)', () => {
  const entries = [
    e('device:d'),
    e('device:other'),
    e('prescription:p1', 'device:d'),
    e('prescription:p2', 'device:d', 'prescription:p1'),
    e('prescription:p3', 'device:d2', 'prescription:p2'),
    e('prescription:q', 'device:d'),
    e('attempt:a', 'device:d', 'prescription:p3'),
    e('attempt:stranger', 'device:d'),
    e('enrolment:n', 'prescription:p1', 'device:d', 'patient:x'),
    e('claim:c', 'prescription:q', 'device:d'),
    e('prescription:same-patient', 'patient:x'),
  ];

  it('follows the renewal chain both ways, transitively, from any prescription of it', () => {
    for (const id of ['p1', 'p2', 'p3']) {
      expect([...dossierScope(id, entries).prescriptions].sort()).toEqual(['prescription:p1', 'prescription:p2', 'prescription:p3']);
    }
  });

  it('covers what names the chain and the devices they name; never another prescription of the device, nor the patient', () => {
    expect([...dossierScope('p2', entries).streams].sort()).toEqual([
      'attempt:a',
      'device:d',
      'device:d2',
      'enrolment:n',
      'prescription:p1',
      'prescription:p2',
      'prescription:p3',
    ]);
    expect([...dossierScope('q', entries).streams].sort()).toEqual(['claim:c', 'device:d', 'prescription:q']);
  });

  it('reads untrusted entries without throwing', () => {
    expect([...dossierScope('p', [null as never, { subject: 1 } as never, { subject: 'prescription:p', relatedSubjects: 'x' } as never]).streams]).toEqual([
      'prescription:p',
    ]);
  });
});
