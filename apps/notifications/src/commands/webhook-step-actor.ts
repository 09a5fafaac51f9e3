import type { Principal } from '@app/auth';
import type { StepActorV1 } from '@app/contracts';

/** Who registered or deleted a webhook, as its event records them: the user and their org. */
export const webhookStepActor = ({ role, sub, org }: Principal): StepActorV1 => ({ role, id: sub, ...(org ? { org } : {}) });
