import type { Actor } from '@app/contracts';

/** Who runs a command, when, and in which conversation: stamped on its events and audit entry. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** The event or request that caused this command; null for a user's own request. */
  causationId: string | null;
  /** The platform clock's reading for this command (the domain never reads a clock). */
  now: Date;
}

/** The context of what the platform does by itself (a job, a sweep): audited like anyone else, under a `system` actor. */
export const systemContext = (actorId: `system:${string}`, now: Date, correlationId: string, causationId: string | null = null): CommandContext => ({
  actor: { id: actorId, role: 'system' },
  correlationId,
  causationId,
  now,
});
