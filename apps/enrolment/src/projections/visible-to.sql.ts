import type { EnrolmentViewer } from '../domain/enrolment-visibility';

/**
 * The visibility rule of domain/enrolment-visibility.ts as SQL over the
 * `enrolments` table: `$n` is the claim that ties the viewer to enrolments
 * (their org, RPPS or pseudonym); a viewer with none sees nothing.
 */
export function visibleTo(viewer: EnrolmentViewer, n: number): { sql: string; param: string | null } {
  switch (viewer.role) {
    case 'system':
      return { sql: `($${n}::text IS NULL)`, param: null };
    case 'operator':
      return { sql: `operator_org = $${n}`, param: viewer.org ?? null };
    case 'physician':
      return { sql: `$${n} = ANY(prescriber_rpps)`, param: viewer.rpps ?? null };
    case 'patient':
      return { sql: `patient_pseudonym = $${n}`, param: viewer.pseudonym ?? null };
    default:
      return { sql: `($${n}::text IS NOT NULL AND false)`, param: null };
  }
}
