import type { StepActorV1 } from '@app/contracts';


/** The platform's own steps (a billing run's correction), under a `system:*` actor. */
export const systemStepActor = (id: `system:${string}`): StepActorV1 => ({ role: 'system', id });

export { claimViewerOf } from '../principals/claim-viewer';
