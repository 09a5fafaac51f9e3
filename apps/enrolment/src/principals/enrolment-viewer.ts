import type { Principal } from '@app/auth';
import type { EnrolmentViewer } from '../domain/enrolment-visibility';

/** How a token's principal sees enrolments: the claim that ties them to one (org, RPPS or pseudonym). */
export const viewerOf = ({ role, org, rpps, pseudonym }: Principal): EnrolmentViewer => ({ role, org, rpps, pseudonym });
