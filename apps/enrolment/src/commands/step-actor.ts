import type { Principal } from '@app/auth';
import type { StepActorV1 } from '@app/contracts';

/** Who took a step, as its event records them: no pseudonym (the enrolment names its patient already). */
export const stepActor = ({ role, sub, rpps, org }: Principal): StepActorV1 => ({
  role,
  id: sub,
  ...(role === 'physician' && rpps ? { rpps } : {}),
  ...(role === 'operator' && org ? { org } : {}),
});

export { viewerOf } from '../principals/enrolment-viewer';
