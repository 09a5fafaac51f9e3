import type { Role } from '@app/contracts';

/** What visibility needs of a caller: their token's role and the claim that ties them to enrolments. */
export interface EnrolmentViewer {
  role: Role | 'system';
  org?: string;
  rpps?: string;
  pseudonym?: string;
}

/** What visibility needs of an enrolment. */
export interface EnrolmentParties {
  operatorOrg: string;
  /** Every prescriber of its renewal chain. */
  prescriberRpps: readonly string[];
  patientPseudonym: string;
}

/**
 * Its operator org, the prescribers of its prescriptions and its patient see
 * an enrolment; everyone else is told it does not exist (a 404, never a 403).
 */
export function maySee(viewer: EnrolmentViewer, enrolment: EnrolmentParties): boolean {
  switch (viewer.role) {
    case 'system':
      return true;
    case 'operator':
      return viewer.org !== undefined && viewer.org === enrolment.operatorOrg;
    case 'physician':
      return viewer.rpps !== undefined && enrolment.prescriberRpps.includes(viewer.rpps);
    case 'patient':
      return viewer.pseudonym !== undefined && viewer.pseudonym === enrolment.patientPseudonym;
    default:
      return false;
  }
}
