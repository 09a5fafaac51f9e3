import type { Principal } from '@app/auth';
import type { StepActorV1 } from '@app/contracts';

/** Who took a step, as its event records them: a payee's org (operator, vendor) or a physician's RPPS with their id. */
export const stepActor = ({ role, sub, rpps, org }: Principal): StepActorV1 => ({
  role,
  id: sub,
  ...(role === 'physician' && rpps ? { rpps } : {}),
  ...((role === 'operator' || role === 'vendor') && org ? { org } : {}),
});

/** The platform's own steps (a billing run's correction), under a `system:*` actor. */
export const systemStepActor = (id: `system:${string}`): StepActorV1 => ({ role: 'system', id });

export { claimViewerOf } from '../principals/claim-viewer';
