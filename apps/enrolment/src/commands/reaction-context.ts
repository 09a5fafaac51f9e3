import type { EventEnvelope } from '@app/contracts';
import { systemContext, type CommandContext } from '@app/event-sourcing';

/** The platform's own actor in this service: what it does by itself is audited under it. */
export const ENROLMENT_SYSTEM_ACTOR = 'system:enrolment';

/** The context of a step the platform takes because of another service's event: same conversation, caused by that event. */
export const reactionContext = (envelope: EventEnvelope<unknown>, now: Date): CommandContext =>
  systemContext(ENROLMENT_SYSTEM_ACTOR, now, envelope.correlationId, envelope.id);

export const causingEvent = (envelope: EventEnvelope<unknown>) => ({ eventId: envelope.id, type: envelope.type, streamId: envelope.streamId });
